using System.Text.Json.Nodes;
using Workbench.Abstractions.Workflows;
using Workbench.Platform.Workflows;

namespace Workbench.Tests.Platform.Workflows;

public sealed class WorkflowRulesTests
{
    private static readonly IWorkflowActivity[] Activities = [new IfActivity(), new WaitForSignalActivity(), new SetFieldActivity(), new EndActivity(), new TimerActivity(TimeProvider.System)];

    [Theory]
    [InlineData("amount > 100", true)]
    [InlineData("amount >= 500 && direction == 'Incoming'", true)]
    [InlineData("amount < 100 || urgent", true)]
    [InlineData("!(urgent) || missing != null", false)]
    [InlineData("title contains 'DZĪVOKL'", true)]
    [InlineData("dueDate < '2026-12-01'", true)]
    [InlineData("missing == null", true)]
    public void Conditions_read_the_records_fields(string condition, bool expected)
    {
        var variables = new JsonObject { ["amount"] = 500, ["direction"] = "Incoming", ["urgent"] = true, ["title"] = "Par sociālo dzīvokli", ["dueDate"] = "2026-11-30" };
        var (expression, error) = WorkflowExpression.Parse(condition);
        Assert.Null(error);
        Assert.Equal(expected, expression!.IsTrue(variables));
    }

    [Theory]
    [InlineData("amount >", "nepabeigts nosacījums")]
    [InlineData("(amount > 1", "trūkst ')'")]
    [InlineData("title == 'open", "neaizvērta pēdiņa")]
    [InlineData("amount > 1 1", "lieks")]
    [InlineData("amount $ 1", "neatpazīta zīme")]
    public void A_malformed_condition_is_refused_with_the_reason(string condition, string reason) =>
        Assert.Contains(reason, WorkflowExpression.Parse(condition).Error);

    [Fact]
    public void A_definition_with_an_unknown_activity_a_dangling_transition_or_a_wrong_outcome_is_refused_with_every_reason()
    {
        const string json = """
            {"name": "bad", "title": "Slikta", "startActivity": "check",
             "activities": [{"id": "check", "type": "if", "properties": {"condition": "a >"}}, {"id": "wait", "type": "wait-for-signal", "properties": {}},
                            {"id": "fly", "type": "teleport"}, {"id": "end", "type": "end"}],
             "transitions": [{"from": "check", "outcome": "true", "to": "nowhere"}, {"from": "check", "outcome": "maybe", "to": "end"},
                             {"from": "ghost", "outcome": "done", "to": "end"}, {"from": "check", "outcome": "false", "to": "wait"}]}
            """;
        var (definition, errors) = WorkflowDefinitions.Parse(json, Activities);
        Assert.Null(definition);
        Assert.Contains(errors, e => e.Contains("nezināma darbība") && e.Contains("teleport"));
        Assert.Contains(errors, e => e.Contains("karājas gaisā") && e.Contains("nowhere"));
        Assert.Contains(errors, e => e.Contains("karājas gaisā") && e.Contains("ghost"));
        Assert.Contains(errors, e => e.Contains("\"maybe\""));
        Assert.Contains(errors, e => e.Contains("nepabeigts nosacījums"));
        Assert.Contains(errors, e => e.Contains("vajag \"signal\""));
        Assert.Contains("Nederīgs JSON", WorkflowDefinitions.Parse("{ not json", Activities).Errors.Single());
    }

    [Fact]
    public void Unreachable_activities_and_bad_schedules_are_refused_and_a_good_definition_passes()
    {
        const string unreachable = """
            {"name": "two-ends", "title": "Divas beigas", "startActivity": "a", "start": {"every": "soon"},
             "activities": [{"id": "a", "type": "end"}, {"id": "b", "type": "end"}], "transitions": []}
            """;
        var errors = WorkflowDefinitions.Parse(unreachable, Activities).Errors;
        Assert.Contains(errors, e => e.Contains("nav ISO 8601 ilgums"));
        const string good = """
            {"name": "wait-then-end", "title": "Gaida", "startActivity": "wait", "start": {"event": "document.registered", "filter": {"kind": "Vēstule"}},
             "activities": [{"id": "wait", "type": "timer", "properties": {"delay": "PT5M"}}, {"id": "end", "type": "end"}],
             "transitions": [{"from": "wait", "outcome": "elapsed", "to": "end"}]}
            """;
        var (definition, none) = WorkflowDefinitions.Parse(good, Activities);
        Assert.Empty(none);
        Assert.True(definition!.Start!.Matches("document.registered", new JsonObject { ["kind"] = "Vēstule" }));
        Assert.False(definition.Start.Matches("document.registered", new JsonObject { ["kind"] = "Rīkojums" }));
        Assert.StartsWith("<svg", WorkflowDiagram.Svg(definition, "Gaida"));
    }
}
