using System.Text.Json.Nodes;

namespace Workbench.ServiceCards.Domain;

/// <summary>
/// A published card as a CPSV-AP 3.x <c>cpsv:PublicService</c> in JSON-LD, with the mandatory properties
/// (dct:identifier, dct:title, dct:description, cv:hasCompetentAuthority) and the optional ones the card has.
/// </summary>
public static class CpsvExport
{
    private static JsonObject Context() => new()
    {
        ["cpsv"] = "http://purl.org/vocab/cpsv#",
        ["cv"] = "http://data.europa.eu/m8g/",
        ["dct"] = "http://purl.org/dc/terms/",
        ["skos"] = "http://www.w3.org/2004/02/skos/core#",
        ["foaf"] = "http://xmlns.com/foaf/0.1/",
        ["schema"] = "https://schema.org/",
        ["eli"] = "http://data.europa.eu/eli/ontology#",
    };

    public static JsonObject Document(string baseUrl, ServiceCard card) => new()
    {
        ["@context"] = Context(),
        ["@graph"] = new JsonArray(Service(baseUrl, card)),
    };

    public static JsonObject Catalogue(string baseUrl, IEnumerable<ServiceCard> cards) => new()
    {
        ["@context"] = Context(),
        ["@graph"] = new JsonArray(cards.Where(c => c.IsPublished).Select(c => (JsonNode)Service(baseUrl, c)).ToArray()),
    };

    private static JsonObject Lv(string? text) => new() { ["@language"] = "lv", ["@value"] = text ?? "" };

    private static JsonObject Service(string baseUrl, ServiceCard card)
    {
        var content = ServiceCardService.Published(card)!;
        var id = $"{baseUrl}/services/{Uri.EscapeDataString(card.Identifier)}";
        var service = new JsonObject
        {
            ["@id"] = id,
            ["@type"] = "cpsv:PublicService",
            ["dct:identifier"] = card.Identifier,
            ["dct:title"] = Lv(content.Name),
            ["dct:description"] = Lv(string.IsNullOrWhiteSpace(content.Description) ? content.ShortDescription : content.Description),
            ["cv:hasCompetentAuthority"] = new JsonObject
            {
                ["@id"] = $"{baseUrl}#authority-{Uri.EscapeDataString(content.Owner ?? "")}",
                ["@type"] = "cv:PublicOrganisation",
                ["skos:prefLabel"] = Lv(content.Owner),
                ["dct:spatial"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/country/LVA" },
            },
            ["dct:language"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/language/LAV" },
        };
        if (content.Themes.Count > 0) service["cv:thematicArea"] = new JsonArray(content.Themes.Select(t => (JsonNode)Lv(t)).ToArray());
        if (content.LifeSituations.Count > 0)
            service["cv:isGroupedBy"] = new JsonArray(content.LifeSituations.Select(l => (JsonNode)new JsonObject { ["@type"] = "cv:Event", ["dct:title"] = Lv(l) }).ToArray());
        if (content.Channels.Count > 0)
            service["cv:hasChannel"] = new JsonArray(content.Channels.Select(c => (JsonNode)new JsonObject
            {
                ["@type"] = "cv:Channel",
                ["dct:type"] = c.ToString(),
                ["cv:hasContactPoint"] = c == Channel.EService && content.EServiceUrl is { } url ? new JsonObject { ["schema:url"] = url } : null,
            }).ToArray());
        if (content.Costs.Count > 0)
            service["cv:hasCost"] = new JsonArray(content.Costs.Select(c => (JsonNode)new JsonObject
            {
                ["@type"] = "cv:Cost",
                ["dct:description"] = Lv(c.Description),
                ["cv:value"] = c.Free ? 0 : c.AmountEur,
                ["cv:currency"] = new JsonObject { ["@id"] = "http://publications.europa.eu/resource/authority/currency/EUR" },
            }).ToArray());
        if (content.LegalBasis.Count > 0)
            service["cv:hasLegalResource"] = new JsonArray(content.LegalBasis.Select(l => (JsonNode)new JsonObject { ["@type"] = "eli:LegalResource", ["dct:title"] = Lv(l) }).ToArray());
        if (content.RequiredDocuments.Count > 0)
            service["cv:hasInput"] = new JsonArray(content.RequiredDocuments.Select(d => (JsonNode)new JsonObject { ["@type"] = "cv:Evidence", ["dct:title"] = Lv(d) }).ToArray());
        if (!string.IsNullOrWhiteSpace(content.Output))
            service["cpsv:produces"] = new JsonObject { ["@type"] = "cv:Output", ["dct:title"] = Lv(content.Output) };
        if (content.ContactPoint is { } contact)
            service["cv:hasContactPoint"] = new JsonObject { ["@type"] = "schema:ContactPoint", ["schema:email"] = contact.Email, ["schema:telephone"] = contact.Phone, ["schema:hoursAvailable"] = contact.OpeningHours };
        if (!string.IsNullOrWhiteSpace(content.ExpectedDuration)) service["cv:processingTime"] = content.ExpectedDuration;
        return service;
    }
}
