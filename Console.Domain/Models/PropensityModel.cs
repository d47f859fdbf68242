using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Console.Domain.Models;

/// <summary>A feature's share of one prediction: the linear model's weight times the customer's standardised value.</summary>
public sealed record PropensityFactor(string Feature, double Value, double Contribution);

/// <summary>
/// A trained propensity model: the standardisation of the features, the logistic regression's weights, and (when
/// the trees won on the evaluation window) the gradient-boosted trees that then give the probability. Factors always
/// come from the linear model, whose parts add up.
/// </summary>
public sealed class PropensityModel
{
    public const string Linear = "linear";
    public const string Trees = "trees";
    private static readonly byte[] Magic = "CCPM"u8.ToArray();
    private static readonly MLContext Ml = new(seed: 1);
    private readonly ITransformer? _trees;

    public PropensityModel(Header header, ITransformer? trees)
    {
        Parameters = header;
        _trees = trees;
        if (header.Algorithm == Trees && trees is null) throw new ArgumentException("A trees model needs its trees.", nameof(trees));
    }

    public sealed record Header(string Algorithm, string[] Names, float[] Means, float[] Scales, float[] Weights, float Bias);

    public Header Parameters { get; }

    public string Algorithm => Parameters.Algorithm;

    public float[] Standardise(float[] features)
    {
        var z = new float[features.Length];
        for (var i = 0; i < z.Length; i++) z[i] = (features[i] - Parameters.Means[i]) / Parameters.Scales[i];
        return z;
    }

    public double LinearProbability(float[] features)
    {
        var z = Standardise(features);
        double score = Parameters.Bias;
        for (var i = 0; i < z.Length; i++) score += Parameters.Weights[i] * z[i];
        return 1 / (1 + Math.Exp(-score));
    }

    /// <summary>The probability of each row's purchase, by the model's own algorithm.</summary>
    public double[] Score(IReadOnlyList<float[]> features)
    {
        if (_trees is null || Algorithm == Linear) return features.Select(LinearProbability).ToArray();
        var data = Ml.Data.LoadFromEnumerable(features.Select(f => new PropensityExample { Features = Standardise(f) }));
        return Ml.Data.CreateEnumerable<PropensityScore>(_trees.Transform(data), reuseRowObject: false)
            .Select(s => (double)s.Probability).ToArray();
    }

    /// <summary>The features that moved this prediction most, either way.</summary>
    public IReadOnlyList<PropensityFactor> TopFactors(float[] features, int count)
    {
        var z = Standardise(features);
        return Enumerable.Range(0, z.Length)
            .Select(i => new PropensityFactor(Parameters.Names[i], features[i], Parameters.Weights[i] * z[i]))
            .OrderByDescending(f => Math.Abs(f.Contribution)).Take(count).ToList();
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        var header = JsonSerializer.SerializeToUtf8Bytes(Parameters, ModelRegistry.Json);
        stream.Write(Magic);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, header.Length);
        stream.Write(length);
        stream.Write(header);
        if (_trees is not null)
        {
            // The zip's offsets count from the start of the stream it is written to: write it alone, then append it.
            using var trees = new MemoryStream();
            Ml.Model.Save(_trees, Ml.Data.LoadFromEnumerable(Array.Empty<PropensityExample>()).Schema, trees);
            stream.Write(trees.GetBuffer(), 0, (int)trees.Length);
        }
        return stream.ToArray();
    }

    public static PropensityModel FromBytes(byte[] bytes)
    {
        if (bytes.Length < 8 || !bytes.AsSpan(0, 4).SequenceEqual(Magic)) throw new InvalidDataException("Not a propensity model.");
        var length = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4, 4));
        var header = JsonSerializer.Deserialize<Header>(Encoding.UTF8.GetString(bytes, 8, length), ModelRegistry.Json)
            ?? throw new InvalidDataException("A propensity model without its header.");
        ITransformer? trees = null;
        if (bytes.Length > 8 + length)
        {
            using var stream = new MemoryStream(bytes, 8 + length, bytes.Length - 8 - length);
            trees = Ml.Model.Load(stream, out _);
        }
        return new PropensityModel(header, trees);
    }
}

/// <summary>One standardised row as ML.NET reads it.</summary>
public sealed class PropensityExample
{
    public bool Label { get; set; }

    [VectorType(PropensityFeatures.Count)]
    public float[] Features { get; set; } = [];
}

public sealed class PropensityScore
{
    public float Probability { get; set; }
}
