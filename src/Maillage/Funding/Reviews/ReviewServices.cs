using Microsoft.Extensions.DependencyInjection;

namespace Maillage.Funding.Reviews;

/// <summary>Wires the dialogue de gestion: its store, use cases and the review pack.</summary>
public static class ReviewServices
{
    public static void AddReviews(IServiceCollection services)
    {
        services.AddScoped<ReviewStore>();
        services.AddScoped<ReadReviews>();
        services.AddScoped<OpenReview>();
        services.AddScoped<EditReview>();
        services.AddScoped<AddReviewAction>();
        services.AddScoped<RemoveReviewAction>();
        services.AddScoped<DecideReview>();
        services.AddScoped<ReopenReview>();
        services.AddScoped<BuildReviewPack>();
    }
}
