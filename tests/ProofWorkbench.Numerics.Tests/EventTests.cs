using ProofWorkbench.Numerics.Ode;
using static ProofWorkbench.Numerics.Tests.TestProblems;

namespace ProofWorkbench.Numerics.Tests;

public class EventTests
{
    [Theory]
    [InlineData("DOP853")]
    [InlineData("Radau5")]
    [InlineData("Taylor")]
    public void First_zero_of_cos_is_located_to_high_accuracy(string method)
    {
        IOdeMethod m = method switch { "DOP853" => new Dop853(), "Radau5" => new Radau5(), _ => new TaylorMethod() };
        var options = Tol(1e-13) with { Events = [new OdeEvent((t, y) => y[0], "cos t = 0", Terminal: true)] };
        var s = OdeSolver.Solve(Oscillator(10.0), m, options);
        Assert.Equal(OdeStatus.StoppedByEvent, s.Status);
        var ev = Assert.Single(s.Events);
        double tol = method == "Radau5" ? 1e-10 : 1e-12;
        Assert.True(Math.Abs(ev.T - Math.PI / 2) < tol, $"{method}: t = {ev.T:R}, error {ev.T - Math.PI / 2:E2}");
        Assert.Equal(-1, ev.Direction);
        Assert.Equal(ev.T, s.TFinal);
        Assert.True(Math.Abs(s.YFinal[0]) < tol);
        Assert.Contains("cos t = 0", s.Message);
    }

    [Fact]
    public void Non_terminal_events_are_all_reported_with_direction_filter()
    {
        var all = new OdeEvent((t, y) => y[0], "zero");
        var up = new OdeEvent((t, y) => y[0], "upward", Direction: +1);
        var s = OdeSolver.Solve(Oscillator(10.0), new Dop853(), Tol(1e-12) with { Events = [all, up] });
        Assert.Equal(OdeStatus.Success, s.Status);
        var zeros = s.Events.Where(e => e.EventIndex == 0).Select(e => e.T).ToArray();
        Assert.Equal(3, zeros.Length); // π/2, 3π/2, 5π/2 in [0, 10]
        for (int k = 0; k < 3; k++) Assert.True(Math.Abs(zeros[k] - (2 * k + 1) * Math.PI / 2) < 1e-11, $"zero {k}: {zeros[k]:R}");
        var ups = s.Events.Where(e => e.EventIndex == 1).ToArray();
        var single = Assert.Single(ups);
        Assert.True(Math.Abs(single.T - 1.5 * Math.PI) < 1e-11);
    }

    [Fact]
    public void Event_on_the_gradient_flow_loss_threshold()
    {
        // Stop the exp-activation flow when the residual r = a e^{w·x} − y drops below 1e-3 in magnitude.
        var ev = new OdeEvent((t, th) =>
        {
            double u = th[0] * ExpX[0] + th[1] * ExpX[1] + th[2] * ExpX[2];
            return Math.Abs(th[3] * Math.Exp(u) - ExpY) - 1e-3;
        }, "small residual", Terminal: true);
        var s = OdeSolver.Solve(ExpFlow(50.0), new Dop853(), Tol(1e-12) with { Events = [ev] });
        Assert.Equal(OdeStatus.StoppedByEvent, s.Status);
        Assert.True(Math.Abs(ev.Function(s.TFinal, s.YFinal)) < 1e-12);
    }
}
