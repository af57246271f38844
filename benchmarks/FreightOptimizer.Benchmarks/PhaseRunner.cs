using System.Diagnostics;
using FreightOptimizer.Formulation;
using FreightOptimizer.Results;
using FreightOptimizer.Scenarios;
using FreightOptimizer.Solving;
using FreightOptimizer.Solving.OrTools;
using FreightOptimizer.Validation;
using FreightOptimizer.Verification;

namespace FreightOptimizer.Benchmarks;

/// <summary>Wall-clock times of the phases of one solve, as <c>FreightPlanner.Optimize</c> runs them.</summary>
internal sealed record PhaseTimes
{
    public TimeSpan Validate { get; init; }

    public TimeSpan Formulate { get; init; }

    public TimeSpan Load { get; init; }

    public TimeSpan Solve { get; init; }

    public TimeSpan Extract { get; init; }

    public TimeSpan Verify { get; init; }

    public required SolveStatus Status { get; init; }

    public double Objective { get; init; }

    public int Variables { get; init; }

    public int FlowVariables { get; init; }

    public int Rows { get; init; }

    public long Nonzeros { get; init; }

    public bool? VerifierPassed { get; init; }

    /// <summary>Formulating plus loading into OR-Tools: the model building the targets speak of.</summary>
    public TimeSpan Build => Formulate + Load;

    /// <summary>Everything from validation to an extracted plan (verification excluded).</summary>
    public TimeSpan Total => Validate + Formulate + Load + Solve + Extract;
}

/// <summary>
/// Runs the steps of <c>FreightPlanner.Optimize</c> one by one through the library's internals, timing
/// each: validate, formulate, hand to OR-Tools, solve, extract the plan, verify. The steps are the
/// facade's own; only the clock is added. Engines without duals (HiGHS) get no pricing re-solve here:
/// the solve is what is compared.
/// </summary>
internal static class PhaseRunner
{
    public static PhaseTimes Run(Scenario scenario, SolverEngine engine, bool verify = true)
    {
        var clock = Stopwatch.StartNew();
        ScenarioValidator.ThrowIfInvalid(scenario);
        var validate = clock.Elapsed;

        clock.Restart();
        var model = FreightModelBuilder.Build(scenario);
        var formulate = clock.Elapsed;

        var options = new SolveOptions { Engine = engine };
        clock.Restart();
        var prepared = OrToolsSolver.Prepare(model.Problem, engine, options, out var unavailable)
            ?? throw new InvalidOperationException(unavailable?.Message);
        var load = clock.Elapsed;

        SolverOutcome outcome;
        try
        {
            outcome = prepared.Run(CancellationToken.None);
        }
        finally
        {
            prepared.Dispose();
        }

        var solve = outcome.WallTime;

        var times = new PhaseTimes
        {
            Status = outcome.Status,
            Validate = validate,
            Formulate = formulate,
            Load = load,
            Solve = solve,
            Objective = outcome.Objective * model.Scaling.MoneyUnit,
            Variables = model.Problem.VariableCount,
            FlowVariables = model.Flows.Length,
            Rows = model.Problem.RowCount,
            Nonzeros = model.Problem.Rows.Sum(r => (long)r.Count),
        };
        if (outcome.Values is null) return times;

        clock.Restart();
        var plan = PlanAssembler.Assemble(scenario, model, outcome.Values, outcome.Duals, outcome.Objective * model.Scaling.MoneyUnit);
        var extract = clock.Elapsed;
        times = times with { Extract = extract };
        if (!verify) return times;

        clock.Restart();
        var report = PlanVerifier.Verify(scenario, plan);
        return times with { Verify = clock.Elapsed, VerifierPassed = report.Passed };
    }
}
