using System.Text;
using Workbench.DocumentRegister.Domain;
using Workbench.Tests.Infrastructure;

namespace Workbench.Tests.Modules.DocumentRegister;

public sealed class DocumentRegisterRulesTests
{
    [Theory]
    [InlineData("{prefix}-{yyyy}/{seq:4}", true, "IEN-2026/0042")]
    [InlineData("{index}/{seq}", false, "1-12/42")]
    [InlineData("{yy}{code}{seq:2}", true, "26IZS42")]
    [InlineData("{yyyy}-R{seq:6}", true, "2026-R000042")]
    public void A_pattern_formats_the_number_from_its_tokens(string text, bool yearly, string expected)
    {
        var (pattern, error) = NumberingPattern.Parse(text, yearly);
        Assert.Null(error);
        Assert.Equal(expected, pattern!.Format("IEN", "IZS", 2026, "1-12", 42));
    }

    [Theory]
    [InlineData("{prefix}-{month}/{seq}", "Nezināms šablona elements")]
    [InlineData("{prefix}-{yyyy}", "nav kārtas numura {seq}")]
    [InlineData("{seq}-{seq}", "tikai viens {seq}")]
    [InlineData("{yyyy:4}/{seq}", "Platumu var norādīt tikai {seq:N}")]
    [InlineData("{seq:12}", "no 1 līdz 10 cipariem")]
    [InlineData("{prefix-{seq}", "Nesapārotas figūriekavas")]
    [InlineData("{SEQ}", "Nezināms šablona elements")]
    [InlineData("", "ir obligāts")]
    public void A_pattern_that_cannot_number_is_refused_with_the_reason(string text, string reason)
    {
        var (pattern, error) = NumberingPattern.Parse(text, restartsYearly: false);
        Assert.Null(pattern);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void A_yearly_restart_needs_the_year_in_the_number_and_counts_per_year_and_case_file()
    {
        Assert.Contains("šablonā vajag {yyyy} vai {yy}", NumberingPattern.Parse("{prefix}/{seq}", restartsYearly: true).Error);
        var byIndex = NumberingPattern.Parse("{index}/{yyyy}/{seq}", restartsYearly: true).Pattern!;
        Assert.Equal("2026|1-12", byIndex.CounterScope(true, 2026, "1-12"));
        Assert.NotEqual(byIndex.CounterScope(true, 2026, "1-12"), byIndex.CounterScope(true, 2027, "1-12"));
        var running = NumberingPattern.Parse("{prefix}-{yyyy}/{seq}", restartsYearly: false).Pattern!;
        Assert.Equal(running.CounterScope(false, 2026, "1-12"), running.CounterScope(false, 2027, "2-05"));
    }

    private static readonly Dictionary<string, byte[]> Letter = new() { ["vestule.txt"] = Encoding.UTF8.GetBytes("Atbilde uz iesniegumu"), ["pielikums 1.pdf"] = [1, 2, 3] };

    [Fact]
    public void A_well_formed_signed_container_names_its_signer_and_files()
    {
        var result = SignedContainer.Check(EdocSamples.Build(Letter, signer: "Anna Priede"));
        Assert.Null(result.Error);
        Assert.Equal(["Anna Priede"], result.Signers);
        Assert.Equal(2, result.DataFiles.Count);
    }

    [Fact]
    public void A_container_that_is_not_a_zip_lacks_a_signature_or_was_changed_after_signing_is_refused()
    {
        Assert.Contains("nav ZIP arhīvs", SignedContainer.Check(Encoding.UTF8.GetBytes("%PDF-1.7 not a container")).Error);
        Assert.Contains("Konteinerā nav paraksta", SignedContainer.Check(EdocSamples.Build(Letter, withSignature: false)).Error);
        var changed = new Dictionary<string, byte[]>(Letter) { ["vestule.txt"] = Encoding.UTF8.GetBytes("Cits teksts") };
        Assert.Contains("jaucējvērtība nesakrīt", SignedContainer.Check(EdocSamples.Build(changed, signed: Letter)).Error);
        var extra = new Dictionary<string, byte[]>(Letter) { ["ielikts.txt"] = [9] };
        Assert.Contains("nav parakstītas", SignedContainer.Check(EdocSamples.Build(extra, signed: Letter)).Error);
    }

    [Fact]
    public void A_sequential_route_waits_for_one_approver_at_a_time_a_parallel_one_for_all_and_a_rejection_ends_it()
    {
        static List<ApprovalStep> Route(ApprovalMode mode) =>
            new[] { "a@x.lv", "b@x.lv", "c@x.lv" }.Select((a, i) => new ApprovalStep { Approver = a, Order = i + 1, Mode = mode, Decision = ApprovalDecision.Pending }).ToList();
        var sequential = Route(ApprovalMode.Sequential);
        Assert.Equal(["a@x.lv"], Approvals.Waiting(sequential).Select(s => s.Approver));
        sequential[0].Decision = ApprovalDecision.Approved;
        Assert.Equal(["b@x.lv"], Approvals.Waiting(sequential).Select(s => s.Approver));
        Assert.Equal(ApprovalDecision.Pending, Approvals.State(sequential));
        var parallel = Route(ApprovalMode.Parallel);
        Assert.Equal(3, Approvals.Waiting(parallel).Count());
        foreach (var step in parallel) step.Decision = ApprovalDecision.Approved;
        Assert.Equal(ApprovalDecision.Approved, Approvals.State(parallel));
        parallel[1].Decision = ApprovalDecision.Rejected;
        Assert.Equal(ApprovalDecision.Rejected, Approvals.State(parallel));
    }
}
