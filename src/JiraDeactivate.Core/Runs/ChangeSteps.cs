using JiraDeactivate.Core.Atlassian;

namespace JiraDeactivate.Core.Runs;

/// <summary>
/// The per-user protocol every change follows, written once: for each step, journal the intent, make the call with
/// the stop grace, journal the outcome; a failed call is read back, since the change may have happened though its
/// answer was lost. The first step that fails for certain (or cannot be known) stops the user's remaining steps.
/// </summary>
public static class ChangeSteps
{
    public static async Task<ChangeStepsResult> RunAsync(IEnumerable<ChangeStep> steps, ChangeContext context, CancellationToken cancellationToken)
    {
        var changed = new List<string>();
        string? note = null;
        foreach (var step in steps)
        {
            cancellationToken.ThrowIfCancellationRequested();
            context.Write(step.Line(step.Starting, step.StartNote));
            MembershipChange change;
            try
            {
                change = await ChangeContext.WithStopGraceAsync(
                    step.Call,
                    () => context.Write(step.Line(step.Failed, $"stopped while the call was under way (no answer within {ChangeContext.StopGrace.TotalSeconds:0} s of the stop): {step.StoppedState}")),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (AtlassianApiException e)
            {
                bool? inPlace = await step.ReadBack(cancellationToken).ConfigureAwait(false);
                if (inPlace != true)
                {
                    string state = inPlace is null ? step.UnknownState : step.NotDoneState;
                    context.Write(step.Line(step.Failed, $"{e.Message} ({state})"));
                    return new ChangeStepsResult(changed, note, $"{step.Failing} failed: {e.Message} ({state})", e);
                }

                note = $"the call failed ({e.Message}), but reading back shows {step.ShownDone}";
                context.Write(step.Line(step.Done, note));
                changed.Add(step.Name);
                continue;
            }

            if (change == MembershipChange.AlreadyDone && step.AlreadyDone is { } already)
            {
                note = null;
                context.Write(step.Line(already, null));
                continue;
            }

            note = change == MembershipChange.AlreadyDone ? step.AlreadyDoneNote : null;
            context.Write(step.Line(step.Done, note));
            changed.Add(step.Name);
        }

        return new ChangeStepsResult(changed, note);
    }
}
