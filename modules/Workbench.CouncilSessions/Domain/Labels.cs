namespace Workbench.CouncilSessions.Domain;

/// <summary>
/// The Latvian words for the council's states and choices, as the minutes, OParl and the screens show them (the
/// screens translate them through Localization/en.json).
/// </summary>
public static class Labels
{
    public static string Of(VoteChoice choice) => choice switch { VoteChoice.For => "par", VoteChoice.Against => "pret", _ => "atturas" };

    public static string Of(AttendanceMode mode) => mode switch { AttendanceMode.InRoom => "klātienē", AttendanceMode.Remote => "attālināti", _ => "nav ieradies" };

    public static string Of(MemberRole role) => role switch
    {
        MemberRole.Chair => "priekšsēdētājs", MemberRole.DeputyChair => "priekšsēdētāja vietnieks", MemberRole.Secretary => "sekretārs", _ => "loceklis",
    };

    public static string Of(MeetingState state) => state switch
    {
        MeetingState.Planned => "plānota", MeetingState.Convened => "sasaukta", MeetingState.InProgress => "notiek", MeetingState.Closed => "slēgta", _ => "protokols parakstīts",
    };

    public static string Of(MeetingKind kind) => kind == MeetingKind.Regular ? "kārtējā" : "ārkārtas";

    public static string Of(MeetingMode mode) => mode switch { MeetingMode.InPerson => "klātienē", MeetingMode.Remote => "attālināti", _ => "jaukta" };

    /// <summary>The button that takes a meeting its next step (<see cref="MeetingStates"/>).</summary>
    public static string Step(string step) => step switch
    {
        "convene" => "Sasaukt sēdi", "open" => "Atklāt sēdi", "close" => "Slēgt sēdi", _ => "Protokols parakstīts",
    };
}
