using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CheckinBot.TestKit;

/// <summary>A server process a test fixture starts (Azurite, the Agents Playground); killed with its children on dispose.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process) => _process = process;

    public string Output => string.Join('\n', _output);

    /// <summary>The operating system's id, to read the process's CPU time and peak memory from outside.</summary>
    public int Id => _process.Id;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var process = new Process { StartInfo = start };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) child._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) child._output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for an output line matching <paramref name="pattern"/> and returns the match.</summary>
    public async Task<Match> WaitForOutputAsync(Regex pattern, TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            foreach (var line in _output)
            {
                var match = pattern.Match(line);
                if (match.Success)
                    return match;
            }
            if (_process.HasExited)
            {
                // The exit can be seen before the last lines are read: this wait returns once both streams are drained.
                _process.WaitForExit();
                if (_output.Select(line => pattern.Match(line)).FirstOrDefault(m => m.Success) is { } late)
                    return late;
                throw new InvalidOperationException($"{_process.StartInfo.FileName} exited with {_process.ExitCode}:\n{Output}");
            }
            if (TimeProvider.System.GetTimestamp() > deadline)
                throw new TimeoutException($"{_process.StartInfo.FileName} did not print {pattern}:\n{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>SIGKILL, no goodbye: what a crashed or evicted instance looks like to everything else.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
