using System.Text.Json;

namespace Console.Domain.Text;

/// <summary>
/// The model trained on the shipped text alone, kept as a file per language. Training it takes a minute or more of
/// CPU, and its result depends only on this build (code and embedded corpus), so every fresh store on a machine loads
/// the file that the first one wrote. The file name carries the build's module id: new code never loads an old model.
/// </summary>
public sealed class ShippedSentimentCache(string directory)
{
    private static readonly string Build = typeof(SentimentTrainer).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public string Directory => directory;

    public string PathOf(string language) => Path.Combine(directory, $"sentiment-{language}-{Build}.bin");

    /// <summary>The cached model when its file is whole; else trains it (once per process) and writes the file.</summary>
    public TrainedSentiment GetOrTrain(string language)
    {
        var path = PathOf(language);
        if (TryRead(path, language) is { } cached) return cached;
        var trained = SentimentTrainer.Shipped(language);
        Write(path, trained);
        return trained;
    }

    private static TrainedSentiment? TryRead(string path, string language)
    {
        if (!File.Exists(path)) return null;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path));
            var metrics = JsonSerializer.Deserialize<SentimentMetrics>(reader.ReadString())
                ?? throw new InvalidDataException("no metrics");
            var bytes = reader.ReadBytes(reader.ReadInt32());
            return new TrainedSentiment(language, SentimentModel.Load(language, bytes, metrics.NeutralLow, metrics.NeutralHigh), metrics);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException or EndOfStreamException or FormatException)
        {
            // A file cut short or from another layout is only a lost shortcut: training again replaces it.
            return null;
        }
    }

    private void Write(string path, TrainedSentiment trained)
    {
        System.IO.Directory.CreateDirectory(directory);
        // Written aside and moved in, so a process reading at the same time never sees half a model.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var bytes = trained.Model.Save();
        using (var writer = new BinaryWriter(File.Create(temporary)))
        {
            writer.Write(JsonSerializer.Serialize(trained.Metrics));
            writer.Write(bytes.Length);
            writer.Write(bytes);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
