namespace Workbench.Platform.Security;

/// <param name="PendingUserId">Set when the first factor was right and a code from the authenticator app is needed to finish.</param>
public sealed record SignInOutcome(bool Succeeded, string? Message, string? PendingUserId = null)
{
    public bool SecondFactorRequired => PendingUserId is not null;

    public static SignInOutcome SecondFactor(string userId) =>
        new(false, "Ievadiet kodu no autentifikatora lietotnes.", userId);
}
