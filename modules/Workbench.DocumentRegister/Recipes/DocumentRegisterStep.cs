using Microsoft.Extensions.DependencyInjection;
using Workbench.Abstractions.Recipes;
using Workbench.DocumentRegister.Domain;

namespace Workbench.DocumentRegister.Recipes;

/// <summary>
/// <c>{"name": "document-register", "filePlan": [{"index": "1-12", "title": "…", "retentionYears": 10,
/// "responsibleUnit": "…"}], "registers": [{"code": "IEN", "name": "…", "kind": "Vēstule", "direction": "Incoming",
/// "prefix": "IEN", "pattern": "{prefix}-{yyyy}/{seq:4}", "restartsYearly": true, "requiredFields": ["correspondent"],
/// "inbox": "1-12"}]}</c>: the file plan and the registers with their numbering patterns. An existing index or code is
/// updated. <c>inbox</c> names the case file where items received from DEPP and DIV are registered.
/// </summary>
public sealed class DocumentRegisterStep : IRecipeStepHandler
{
    public string StepName => "document-register";
    public string? RequiredFeature => DocumentRegisterManifest.Feature;

    public sealed record Model(IReadOnlyList<CaseFileInput>? FilePlan, IReadOnlyList<RegisterItem>? Registers);

    public sealed record RegisterItem(
        string? Code, string? Name, string? Kind, Direction Direction = Direction.Incoming, string? Prefix = null, string? Pattern = null,
        bool RestartsYearly = false, IReadOnlyList<string>? RequiredFields = null, string? Inbox = null)
    {
        public RegisterInput ToInput(Guid? inbox) => new(Code, Name, Kind, Direction, Prefix, Pattern, RestartsYearly, RequiredFields, inbox);
    }

    public Task ValidateAsync(RecipeStepContext context, CancellationToken ct)
    {
        if (context.Read<Model>() is not { } model) return Task.CompletedTask;
        foreach (var (caseFile, i) in (model.FilePlan ?? []).Select((c, i) => (c, i)))
            foreach (var (field, messages) in RegisterService.Validate(caseFile)) context.Error($"$.filePlan[{i}].{field}", messages[0]);
        var indexes = (model.FilePlan ?? []).Select(c => c.Index?.Trim()).ToHashSet();
        foreach (var (register, i) in (model.Registers ?? []).Select((r, i) => (r, i)))
        {
            foreach (var (field, messages) in RegisterService.Validate(register.ToInput(null))) context.Error($"$.registers[{i}].{field}", messages[0]);
            if (register.Inbox is { } inbox && !indexes.Contains(inbox.Trim()))
                context.Error($"$.registers[{i}].inbox", $"Lietas \"{inbox}\" nav šī soļa nomenklatūrā.");
        }
        return Task.CompletedTask;
    }

    public async Task ExecuteAsync(RecipeStepContext context, CancellationToken ct)
    {
        var service = context.Services.GetRequiredService<RegisterService>();
        var model = context.Read<Model>()!;
        var caseFiles = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var caseFile in model.FilePlan ?? []) caseFiles[caseFile.Index!.Trim()] = (await service.SaveCaseFileAsync(caseFile, ct)).Id;
        foreach (var register in model.Registers ?? [])
            await service.SaveRegisterAsync(register.ToInput(register.Inbox is { } inbox ? caseFiles[inbox.Trim()] : null), null, ct);
    }
}
