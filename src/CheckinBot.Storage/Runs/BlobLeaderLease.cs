using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using CheckinBot.Core.Runs;

namespace CheckinBot.Storage.Runs;

/// <summary>
/// Leadership by Azure blob lease (container <c>{prefix}leases</c>, a blob per name): 60-second leases renewed every
/// 20 seconds while the work runs, released when it ends. An instance that dies simply lets the lease lapse.
/// </summary>
internal sealed class BlobLeaderLease(BlobContainerClient container, TimeProvider timeProvider) : ILeaderLease
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(20);

    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, CancellationToken cancellationToken)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var blob = container.GetBlobClient(name);
        try
        {
            await blob.UploadAsync(BinaryData.FromString(name), overwrite: false, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // exists already (or is leased right now)
        }
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(Duration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null; // another instance leads
        }
        return new Held(lease, timeProvider);
    }

    private sealed class Held : IAsyncDisposable
    {
        private readonly BlobLeaseClient _lease;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public Held(BlobLeaseClient lease, TimeProvider timeProvider)
        {
            _lease = lease;
            _renewing = RenewAsync(timeProvider);
        }

        private async Task RenewAsync(TimeProvider timeProvider)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(RenewEvery, timeProvider, _stop.Token);
                    await _lease.RenewAsync(cancellationToken: _stop.Token);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or RequestFailedException)
            {
                // stopped, or the lease was lost: the work is idempotent, so another leader may safely continue it
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _renewing;
            _stop.Dispose();
            try
            {
                await _lease.ReleaseAsync();
            }
            catch (RequestFailedException)
            {
                // already lapsed
            }
        }
    }
}
