using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CheckinBot.TestKit;

namespace CheckinBot.MicroBench;

/// <summary>
/// <c>scripts/bench.sh micro [filter]</c>: the hot paths of a turn and of planning, with allocations per operation.
/// In process (no generated project to build); reports go to bench/results/micro/.
/// </summary>
internal static class MicroBenchProgram
{
    public static void Main(string[] args)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(RepoPaths.Root, "bench", "results", "micro"));
        BenchmarkSwitcher.FromAssembly(typeof(MicroBenchProgram).Assembly).Run(args.Length == 0 ? ["--filter", "*"] : args, config);
    }
}
