using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Workbench.Abstractions.Search;
using Workbench.ServiceCards.Data;
using Workbench.ServiceCards.Domain;

namespace Workbench.ServiceCards.Search;

/// <summary>
/// A published card is found by everyone through its published text; an unpublished one only by staff who
/// may see drafts, through its working text.
/// </summary>
public sealed class ServiceCardSearchSource(ServiceCardsDbContext db) : ISearchSource
{
    public const string Type = "service-card";

    public string Feature => ServiceCardsManifest.Feature;

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var card in db.Cards.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
            yield return Document(card);
    }

    public static SearchDocument Document(ServiceCard card)
    {
        var content = ServiceCardService.Published(card) ?? ServiceCardService.Working(card);
        var text = string.Join('\n', new[] { content.ShortDescription, content.Description, content.Output, content.Owner, content.AppealProcedure }
            .Concat(content.LifeSituations).Concat(content.Themes).Concat(content.RequiredDocuments)
            .Concat(content.Faq.SelectMany(f => new[] { f.Question, f.Answer }))
            .Concat((content.CustomFields ?? []).Select(p => p.Value?.ToString()))
            .Where(t => !string.IsNullOrWhiteSpace(t)));
        var view = SearchAccess.Permission(ServiceCardsManifest.ViewServiceCards);
        return card.IsPublished
            ? new SearchDocument(ServiceCardsManifest.Feature, Type, card.Id.ToString(), content.Name ?? card.Name, text, $"services/{Uri.EscapeDataString(card.Identifier)}", [SearchAccess.Public, view])
            : new SearchDocument(ServiceCardsManifest.Feature, Type, card.Id.ToString(), content.Name ?? card.Name, text, $"admin/service-cards/edit/{card.Id}", [view]);
    }
}
