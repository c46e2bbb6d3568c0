using Microsoft.Extensions.DependencyInjection;

namespace CheckinBot.Core.ReviewPacks;

/// <summary>Registers review packs (the store is the storage adapter's).</summary>
public static class ReviewPacksRegistration
{
    public static IServiceCollection AddReviewPacks(this IServiceCollection services)
    {
        services.AddSingleton<ReviewPackService>();
        services.AddSingleton<ReviewPackLinks>();
        services.AddSingleton<ReviewPackSharing>();
        return services;
    }
}
