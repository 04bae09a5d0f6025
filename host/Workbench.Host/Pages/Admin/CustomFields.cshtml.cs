using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workbench.Abstractions.CustomFields;
using Workbench.Abstractions.Modules;
using Workbench.Abstractions.Security;
using Workbench.Abstractions.Tenants;
using Workbench.Platform;
using Workbench.Platform.CustomFields;

namespace Workbench.Host.Pages.Admin;

[Authorize(Policy = "permission:" + PermissionNames.ManageCustomFields)]
[RequiresFeature(PlatformManifest.CustomFields)]
public sealed class CustomFieldsModel(CustomFieldService fields, ITenantContext tenant) : AdminPageModel
{
    public List<(CustomFieldRecordType Type, IReadOnlyList<CustomFieldDefinition> Fields)> Fields { get; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        foreach (var type in fields.RecordTypes.Where(t => tenant.Required.IsFeatureEnabled(t.FeatureId)))
            Fields.Add((type, await fields.GetDefinitionsAsync(type.Id, ct)));
    }

    public async Task<IActionResult> OnPostAsync(string recordType, string key, string label, CustomFieldType type, bool required, string? choices, CancellationToken ct)
    {
        var definition = new CustomFieldDefinition(recordType, key ?? "", label ?? "", type, required,
            (choices ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), 100);
        var problems = fields.Check(definition);
        if (!problems.IsValid) return Done(problems.Summary, error: true);
        await fields.SaveAsync(definition, ct);
        return Done($"Lauks \"{label}\" saglabāts.");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string recordType, string key, CancellationToken ct) =>
        await fields.DeleteAsync(recordType, key, ct) ? Done("Lauks dzēsts; esošās vērtības saglabājas ierakstos.") : Done("Lauks nav atrasts.", error: true);
}
