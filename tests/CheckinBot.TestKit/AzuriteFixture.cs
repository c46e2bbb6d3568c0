using System.Text.RegularExpressions;
using Xunit;

namespace CheckinBot.TestKit;

/// <summary>
/// Real Azurite (the official Azure Storage emulator, from the repo's node_modules) on loopback, on ports the OS picks,
/// in memory, so test runs never share state. Table, queue and blob endpoints are in <see cref="ConnectionString"/>.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    // The well-known development storage account key (public, documented for Azurite).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private ChildProcess? _process;

    public string ConnectionString { get; private set; } = "";

    /// <summary>The emulator's process (node), so a benchmark can say how busy storage was.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync()
    {
        _process = ChildProcess.Start(RepoPaths.NodeBin("azurite"),
        [
            "--inMemoryPersistence", "--extentMemoryLimit", "512", "--skipApiVersionCheck", "--disableProductStyleUrl", "--silent",
            "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
            "--blobPort", "0", "--queuePort", "0", "--tablePort", "0",
        ]);
        var ports = new Dictionary<string, string>();
        foreach (var service in new[] { "Blob", "Queue", "Table" })
        {
            var match = await _process.WaitForOutputAsync(new Regex($"{service} service is successfully listening at http://127.0.0.1:(\\d+)"), TimeSpan.FromSeconds(30));
            ports[service] = match.Groups[1].Value;
        }
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey
            + $";BlobEndpoint=http://127.0.0.1:{ports["Blob"]}/devstoreaccount1"
            + $";QueueEndpoint=http://127.0.0.1:{ports["Queue"]}/devstoreaccount1"
            + $";TableEndpoint=http://127.0.0.1:{ports["Table"]}/devstoreaccount1;";
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
            await _process.DisposeAsync();
    }
}
