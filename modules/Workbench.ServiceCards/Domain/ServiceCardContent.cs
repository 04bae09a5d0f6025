using System.Text.Json.Nodes;

namespace Workbench.ServiceCards.Domain;

/// <summary>
/// What a service card says (CPSV-AP 3.x). This is also the JSON of the create API and of the
/// <c>service-cards</c> recipe step, with <c>id</c> and <c>state</c> beside it (<see cref="ServiceCardInput"/>).
/// </summary>
public record ServiceCardContent
{
    /// <summary>The municipality's own identifier of the service, e.g. <c>RIGA-DZ-001</c>.</summary>
    public string? Identifier { get; init; }
    /// <summary>Identifiers in the state catalogue (VIRSIS) this service maps to.</summary>
    public IReadOnlyList<string> CatalogueIds { get; init; } = [];
    public string? Name { get; init; }
    public string? ShortDescription { get; init; }
    public string? Description { get; init; }
    /// <summary>Service owner institution (pakalpojuma turētājs).</summary>
    public string? Owner { get; init; }
    public string? ResponsibleUnit { get; init; }
    public ContactPoint? ContactPoint { get; init; }
    public IReadOnlyList<RecipientType> RecipientTypes { get; init; } = [];
    /// <summary>Life situations (dzīves situācijas), e.g. "Bērna piedzimšana".</summary>
    public IReadOnlyList<string> LifeSituations { get; init; } = [];
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<Channel> Channels { get; init; } = [];
    /// <summary>Deep link that starts the e-service (tiešā saite).</summary>
    public string? EServiceUrl { get; init; }
    public bool InPersonOnly { get; init; }
    public IReadOnlyList<string> RequiredDocuments { get; init; } = [];
    public string? Output { get; init; }
    public IReadOnlyList<string> LegalBasis { get; init; } = [];
    public IReadOnlyList<Cost> Costs { get; init; } = [];
    public IReadOnlyList<ServiceStep> Steps { get; init; } = [];
    public string? ExpectedDuration { get; init; }
    public string? LegalMaximumDuration { get; init; }
    public IReadOnlyList<Faq> Faq { get; init; } = [];
    public string? AppealProcedure { get; init; }
    public string? SupportPhone { get; init; }
    /// <summary>Where residents see their own data and how to ask for its correction.</summary>
    public string? OwnDataInfo { get; init; }
    public DateOnly? NextReviewDate { get; init; }
    public JsonObject? CustomFields { get; init; }

    /// <summary>Just the content (an input's id and state dropped), trimmed, with no list left null by the JSON.</summary>
    public ServiceCardContent Normalized() => new()
    {
        Identifier = Identifier?.Trim(), CatalogueIds = CatalogueIds ?? [], Name = Name?.Trim(), ShortDescription = ShortDescription,
        Description = Description, Owner = Owner, ResponsibleUnit = ResponsibleUnit, ContactPoint = ContactPoint,
        RecipientTypes = RecipientTypes ?? [], LifeSituations = LifeSituations ?? [], Themes = Themes ?? [], Channels = Channels ?? [],
        EServiceUrl = EServiceUrl, InPersonOnly = InPersonOnly, RequiredDocuments = RequiredDocuments ?? [], Output = Output,
        LegalBasis = LegalBasis ?? [], Costs = Costs ?? [], Steps = Steps ?? [], ExpectedDuration = ExpectedDuration,
        LegalMaximumDuration = LegalMaximumDuration, Faq = Faq ?? [], AppealProcedure = AppealProcedure, SupportPhone = SupportPhone,
        OwnDataInfo = OwnDataInfo, NextReviewDate = NextReviewDate, CustomFields = CustomFields,
    };
}

/// <summary>The create/update JSON: the content plus an optional id (an existing id updates) and target state.</summary>
public sealed record ServiceCardInput : ServiceCardContent
{
    public Guid? Id { get; init; }
    /// <summary>Only reviewers may create a card directly as <c>Published</c> (used by recipes for demo catalogues).</summary>
    public CardState? State { get; init; }
}

public sealed record ContactPoint(string? Email, string? Phone, string? Address, string? OpeningHours);
public sealed record Cost(string Description, decimal? AmountEur, bool Free);
public sealed record ServiceStep(string Title, string? Duration);
public sealed record Faq(string Question, string Answer);

public enum RecipientType { Resident, Business, Institution }

/// <summary>How the service is delivered: klātienē, VPVKAC, tālrunis, e-pasts, e-pakalpojums, e-adrese.</summary>
public enum Channel { InPerson, Vpvkac, Phone, Email, EService, EAddress }

public enum CardState { Draft, InReview, Published, Withdrawn }
