using System.Text.Json.Serialization;

namespace Workbench.CouncilSessions.Api;

// The objects OParl 1.1 (https://schema.oparl.org/1.1/) serves, property by property in the specification's names
// (camelCase of these records' names) and in the order the API has always written them. A null is written as null;
// only the properties marked to be left out when null are absent (a Person's Membership does not name the person).
// OParlMapper builds them from the council's records.

/// <summary>An OParl external list: <c>data</c>, <c>pagination</c> and <c>links</c>.</summary>
public sealed record OParlList<T>(IReadOnlyList<T> Data, OParlPagination Pagination, OParlLinks Links);

public sealed record OParlPagination(int TotalElements, int ElementsPerPage, int CurrentPage, int TotalPages);

/// <summary>first, last and self always; prev and next where there is such a page.</summary>
public sealed record OParlLinks(
    string First, string Last, string Self,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Prev,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Next);

public sealed record OParlSystem(string Id, string Type, string OparlVersion, string Body, string Name, string Vendor, string Product);

public sealed record OParlBody(
    string Id, string Type, string System, string Name, string ShortName, string Organization, string Person, string Meeting, string Paper,
    IReadOnlyList<string> LegislativeTerm, string Classification);

public sealed record OParlOrganization(
    string Id, string Type, string Body, string Name, string? ShortName, string Classification, string OrganizationType,
    IReadOnlyList<string> Membership, string Meeting, string Created, string Modified);

public sealed record OParlPerson(string Id, string Type, string Body, string Name, IReadOnlyList<OParlMembership> Membership, string Created, string Modified);

public sealed record OParlMembership(
    string Id, string Type, string Organization, string Role, bool VotingRight, string StartDate, string? EndDate, string Created, string Modified,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Person);

public sealed record OParlMeeting(
    string Id, string Type, string Name, string MeetingState, bool Cancelled, string Start, OParlLocation? Location, IReadOnlyList<string> Organization,
    IReadOnlyList<OParlAgendaItem> AgendaItem, OParlFile? ResultsProtocol, string Created, string Modified);

public sealed record OParlLocation(string Id, string Type, string? Description, IReadOnlyList<string> Meetings, string Created, string Modified);

public sealed record OParlAgendaItem(
    string Id, string Type, string Meeting, string Number, int Order, string Name, bool Public, string? Consultation, string? ResolutionText,
    OParlFile? ResolutionFile, string Created, string Modified);

public sealed record OParlPaper(
    string Id, string Type, string Body, string Name, string Reference, string Date, string PaperType, OParlFile? MainFile,
    IReadOnlyList<OParlConsultation> Consultation, string Created, string Modified);

public sealed record OParlConsultation(
    string Id, string Type, string AgendaItem, string Meeting, IReadOnlyList<string> Organization, bool Authoritative, string Role, string Created, string Modified,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Paper);

public sealed record OParlFile(
    string Id, string Type, string Name, string FileName, string MimeType, string Date, string AccessUrl, string DownloadUrl, string Created, string Modified);

/// <summary>Popolo's VoteEvent (<c>popolo-project/popolo-spec schemas/vote_event.json</c>), in Popolo's snake_case names.</summary>
public sealed record PopoloVoteEvent(
    string Id, string Identifier, PopoloMotion Motion,
    [property: JsonPropertyName("organization_id")] string OrganizationId,
    [property: JsonPropertyName("agenda_item")] string AgendaItem,
    [property: JsonPropertyName("start_date")] string StartDate,
    [property: JsonPropertyName("end_date")] string? EndDate,
    string Result, IReadOnlyList<PopoloCount> Counts, IReadOnlyList<PopoloVote> Votes);

public sealed record PopoloMotion(string Text);

public sealed record PopoloCount(string Option, int Value);

public sealed record PopoloVote([property: JsonPropertyName("voter_id")] string VoterId, string Option);
