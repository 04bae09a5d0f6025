using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workbench.DocumentRegister.Domain;

namespace Workbench.DocumentRegister.Pages.Admin.Documents;

/// <summary>Execution control: the person's own open tasks, every overdue task they may see, and overdue tasks per unit.</summary>
[Authorize]
public sealed class TasksModel(ExecutionControl execution, Reports reports) : PageModel
{
    public List<(ExecutionTask Task, Document Document)> Mine { get; private set; } = [];
    public List<(ExecutionTask Task, Document Document)> Overdue { get; private set; } = [];
    public List<Reports.OverdueRow> ByUnit { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Mine = await execution.OpenForAsync(User, ct);
        Overdue = await execution.OverdueAsync(User, ct);
        ByUnit = await reports.OverdueAsync(User, ct);
    }
}
