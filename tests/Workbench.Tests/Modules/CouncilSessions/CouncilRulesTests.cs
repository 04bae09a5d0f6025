using Workbench.CouncilSessions.Domain;

namespace Workbench.Tests.Modules.CouncilSessions;

/// <summary>The meeting state machine, quorum and decision rules of council sessions.</summary>
public sealed class CouncilRulesTests
{
    [Fact]
    public void A_meeting_goes_planned_convened_in_progress_closed_minutes_signed_and_nothing_else()
    {
        var state = MeetingState.Planned;
        foreach (var (action, expected) in new[] { ("convene", MeetingState.Convened), ("open", MeetingState.InProgress), ("close", MeetingState.Closed), ("sign-minutes", MeetingState.MinutesSigned) })
        {
            var (next, refusal) = MeetingStates.Apply(state, action);
            Assert.Null(refusal);
            Assert.Equal(expected, next);
            state = next!.Value;
        }
        foreach (var from in Enum.GetValues<MeetingState>())
            foreach (var action in MeetingStates.Names)
            {
                var (next, refusal) = MeetingStates.Apply(from, action);
                var legal = (from, action) is (MeetingState.Planned, "convene") or (MeetingState.Convened, "open") or (MeetingState.InProgress, "close") or (MeetingState.Closed, "sign-minutes");
                Assert.Equal(legal, next is not null);
                Assert.Equal(legal, refusal is null);
            }
        Assert.Contains("Nezināma darbība", MeetingStates.Apply(MeetingState.Planned, "reopen").Refusal);
    }

    [Fact]
    public void The_agenda_changes_until_the_meeting_closes()
    {
        Assert.True(MeetingStates.AgendaOpen(MeetingState.Planned));
        Assert.True(MeetingStates.AgendaOpen(MeetingState.InProgress));
        Assert.False(MeetingStates.AgendaOpen(MeetingState.Closed));
        Assert.False(MeetingStates.AgendaOpen(MeetingState.MinutesSigned));
    }

    [Theory]
    [InlineData(15, 8, true)]
    [InlineData(15, 7, false)]
    [InlineData(14, 7, false)]
    [InlineData(14, 8, true)]
    [InlineData(0, 0, false)]
    public void Quorum_is_more_than_half_of_the_members_with_voting_right(int members, int present, bool quorum) =>
        Assert.Equal(quorum, VotingRules.HasQuorum(members, present));

    [Theory]
    [InlineData(DecisionRule.MajorityOfPresent, 15, 10, 6, true)]
    [InlineData(DecisionRule.MajorityOfPresent, 15, 10, 5, false)]
    [InlineData(DecisionRule.MajorityOfPresent, 15, 9, 5, true)]
    [InlineData(DecisionRule.MajorityOfMembers, 15, 10, 7, false)]
    [InlineData(DecisionRule.MajorityOfMembers, 15, 10, 8, true)]
    public void A_motion_passes_by_the_bodys_rule(DecisionRule rule, int members, int present, int votesFor, bool passes) =>
        Assert.Equal(passes, VotingRules.Passes(rule, members, present, votesFor));

    [Fact]
    public void A_membership_counts_from_its_start_to_the_day_before_its_end()
    {
        var seat = new Membership { Start = new DateOnly(2025, 7, 1), End = new DateOnly(2029, 7, 1) };
        Assert.False(seat.IsActiveOn(new DateOnly(2025, 6, 30)));
        Assert.True(seat.IsActiveOn(new DateOnly(2025, 7, 1)));
        Assert.True(seat.IsActiveOn(new DateOnly(2029, 6, 30)));
        Assert.False(seat.IsActiveOn(new DateOnly(2029, 7, 1)));
        Assert.True(new Membership { Start = new DateOnly(2025, 7, 1) }.IsActiveOn(new DateOnly(2040, 1, 1)));
    }
}
