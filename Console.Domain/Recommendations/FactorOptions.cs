namespace Console.Domain.Recommendations;

/// <summary>
/// Options of the SGD factor trainer. NegativesPerPositive &gt; 0 trains on implicit feedback: for each observed pair that
/// many unobserved items are drawn per epoch with target 0, so the model learns what a user skips as well as what they take.
/// </summary>
public sealed record FactorOptions(
    int Factors = 24,
    double LearningRate = 0.03,
    double Regularisation = 0.01,
    int Epochs = 30,
    int NegativesPerPositive = 3,
    int Seed = 42,
    double InitialScale = 0.1)
{
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Factors is < 1 or > 512) errors.Add("Factors must be from 1 to 512.");
        if (LearningRate is <= 0 or > 1) errors.Add("LearningRate must be above 0 and at most 1.");
        if (Regularisation is < 0 or > 10) errors.Add("Regularisation must be from 0 to 10.");
        if (Epochs is < 1 or > 10_000) errors.Add("Epochs must be from 1 to 10,000.");
        if (NegativesPerPositive is < 0 or > 100) errors.Add("NegativesPerPositive must be from 0 to 100.");
        return errors;
    }
}
