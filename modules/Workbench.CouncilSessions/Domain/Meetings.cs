namespace Workbench.CouncilSessions.Domain;

/// <summary>kārtējā (regular) or ārkārtas (extraordinary).</summary>
public enum MeetingKind { Regular, Extraordinary }

public enum MeetingMode { InPerson, Remote, Hybrid }

/// <summary>plānota → sasaukta → notiek → slēgta → protokols parakstīts.</summary>
public enum MeetingState { Planned, Convened, InProgress, Closed, MinutesSigned }

public sealed class Meeting
{
    public Guid Id { get; set; }
    public Guid BodyId { get; set; }
    /// <summary>Per body and year: "3/2026".</summary>
    public int Number { get; set; }
    public int Year { get; set; }
    public MeetingKind Kind { get; set; }
    public MeetingMode Mode { get; set; }
    public DateTime StartsAt { get; set; }
    public string? Place { get; set; }
    public string? RemoteLink { get; set; }
    public Guid? ChairId { get; set; }
    public Guid? MinuteTakerId { get; set; }
    public bool IsPublic { get; set; } = true;
    public MeetingState State { get; set; }
    /// <summary>The signed minutes as registered in the document register (when it is enabled).</summary>
    public Guid? MinutesDocumentId { get; set; }
    public string? MinutesRegistrationNumber { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>
    /// What the public may see (public pages, API, OParl, search): a public meeting from convening on. The same rule
    /// as an expression for database queries.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<Meeting, bool>> Published = m => m.IsPublic && m.State != MeetingState.Planned;
    private static readonly Func<Meeting, bool> IsPublishedRule = Published.Compile();

    public bool IsPublished => IsPublishedRule(this);
}

public sealed class AgendaItem
{
    public Guid Id { get; set; }
    public Guid MeetingId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public Guid? RapporteurId { get; set; }
    public string? DraftDecision { get; set; }
    public bool IsPublic { get; set; } = true;
    /// <summary>Added after the meeting was convened (papildu jautājums).</summary>
    public bool IsAdditional { get; set; }
    /// <summary>The committee item this one was forwarded from, so its history follows it.</summary>
    public Guid? ForwardedFromId { get; set; }
    /// <summary>The adopted decision as its own registered document (when the document register is enabled).</summary>
    public Guid? DecisionDocumentId { get; set; }
    public string? DecisionRegistrationNumber { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}

/// <summary>A file that goes with an agenda item (the draft decision's annexes, a map, an estimate); public with its item.</summary>
public sealed class AgendaAttachment
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public Guid Id { get; set; }
    public Guid AgendaItemId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>The file's address in the platform's file store.</summary>
    public required string Sha256 { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedUtc { get; set; }
}

/// <summary>The meeting's life: only these steps, in this order (a planned meeting may also be dropped by deleting it).</summary>
public static class MeetingStates
{
    private static readonly Dictionary<string, (MeetingState From, MeetingState To)> Actions = new(StringComparer.Ordinal)
    {
        ["convene"] = (MeetingState.Planned, MeetingState.Convened),
        ["open"] = (MeetingState.Convened, MeetingState.InProgress),
        ["close"] = (MeetingState.InProgress, MeetingState.Closed),
        ["sign-minutes"] = (MeetingState.Closed, MeetingState.MinutesSigned),
    };

    public static IReadOnlyCollection<string> Names => Actions.Keys;

    /// <summary>The step a meeting in <paramref name="current"/> may take next, if any.</summary>
    public static string? NextStep(MeetingState current) => Actions.FirstOrDefault(a => a.Value.From == current).Key;

    /// <summary>The state after <paramref name="action"/>, or an explanation of why it is not allowed now.</summary>
    public static (MeetingState? Next, string? Refusal) Apply(MeetingState current, string action) =>
        !Actions.TryGetValue(action, out var step)
            ? (null, $"Nezināma darbība \"{action}\" ; der {string.Join(", ", Actions.Keys)}.")
            : step.From != current
                ? (null, $"Sēdi stāvoklī {current} nevar {action}; tai jābūt stāvoklī {step.From}.")
                : (step.To, null);

    /// <summary>The agenda may change until the meeting closes; later items are "additional".</summary>
    public static bool AgendaOpen(MeetingState state) => state is MeetingState.Planned or MeetingState.Convened or MeetingState.InProgress;
}

/// <summary>Quorum and the result of a vote under the body's rule.</summary>
public static class VotingRules
{
    /// <summary>kvorums: more than half of the members with voting right are present.</summary>
    public static bool HasQuorum(int votingMembers, int votingMembersPresent) => votingMembers > 0 && votingMembersPresent * 2 > votingMembers;

    public static bool Passes(DecisionRule rule, int votingMembers, int votingMembersPresent, int votesFor) => rule switch
    {
        DecisionRule.MajorityOfMembers => votesFor * 2 > votingMembers,
        _ => votesFor * 2 > votingMembersPresent,
    };
}
