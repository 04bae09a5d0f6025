namespace Workbench.Abstractions.Recipes;

/// <summary>
/// The recipe being validated as its later steps see it: a step announces the records it will create, so that a later
/// step (of any module) may refer to them before they exist. Records are named by the contract other modules reach them
/// through (<see cref="Records.IModuleContract{TContract}"/>) and their id. Outside a recipe nothing is announced.
/// </summary>
public interface IRecipeRunState
{
    /// <summary>While validating: this step will create the record <paramref name="id"/> of <typeparamref name="TContract"/>.</summary>
    void Announce<TContract>(Guid id) where TContract : class;

    /// <summary>Whether an earlier step of the running recipe announced the record.</summary>
    bool IsAnnounced<TContract>(Guid id) where TContract : class;
}
