namespace Workbench.Abstractions.Security;

/// <summary>Who is acting: the signed-in person's e-mail, or the CLI/setup/job that runs the scope.</summary>
public interface ICurrentActor
{
    string Name { get; }
}
