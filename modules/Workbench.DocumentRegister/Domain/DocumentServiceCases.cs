using Workbench.Abstractions.Records;

namespace Workbench.DocumentRegister.Domain;

/// <summary>A document's links to service cases: references checked against the service cards module where it is on.</summary>
public sealed class DocumentServiceCases(IModuleContract<IServiceCaseDirectory> serviceCases)
{
    /// <summary>
    /// The service cases a document refers to. Where the tenant keeps its cases in the service cards module, each
    /// reference (case id or client reference) must name exactly one case and is kept as that case's id; elsewhere
    /// references are kept as given.
    /// </summary>
    public async Task<(List<string> References, Dictionary<int, string> Problems)> ResolveAsync(IReadOnlyList<string>? given, CancellationToken ct)
    {
        var directory = serviceCases.Current;
        var (references, problems) = (new List<string>(), new Dictionary<int, string>());
        foreach (var (reference, i) in (given ?? []).Select((r, i) => (r?.Trim(), i)))
        {
            if (reference is not { Length: > 0 and <= 100 })
                problems[i] = "Pakalpojuma lietas atsauce ir 1–100 zīmes.";
            else if (directory is null)
                references.Add(reference);
            else if (await directory.FindAsync(reference, ct) is var found && found.Count == 1)
                references.Add(found[0].Id.ToString());
            else
                problems[i] = found.Count == 0
                    ? $"Nav pakalpojuma lietas \"{reference}\"."
                    : $"Atsauce \"{reference}\" ir vairākām lietām; norādiet lietas id.";
        }
        return (references.Distinct().ToList(), problems);
    }

    /// <summary>The document's service cases as the service cards module describes them (null where it cannot).</summary>
    public async Task<List<(string Reference, ServiceCaseSummary? Case)>> LinkedServiceCasesAsync(Document d, CancellationToken ct)
    {
        var directory = serviceCases.Current;
        var linked = new List<(string, ServiceCaseSummary?)>();
        foreach (var reference in d.ServiceCases)
            linked.Add((reference, directory is null ? null : (await directory.FindAsync(reference, ct)).FirstOrDefault()));
        return linked;
    }
}
