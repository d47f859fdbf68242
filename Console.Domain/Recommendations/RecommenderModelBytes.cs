using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Console.Domain.Recommendations;

/// <summary>The served model as registry bytes: a format number, the catalogue, then each table as raw little-endian arrays, deflated.</summary>
public static class RecommenderModelBytes
{
    private const int Format = 1;

    public static byte[] Write(RecommenderModel model)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var w = new BinaryWriter(deflate))
        {
            w.Write(Format);
            w.Write(model.Chosen);
            w.Write(model.Courses.Count);
            foreach (var c in model.Courses)
            {
                w.Write(c.ExternalId);
                w.Write(c.Category ?? "");
                w.Write(c.Category is not null);
                w.Write(c.Active);
            }
            Doubles(w, [.. model.Popularity.Popularity]);
            Floats(w, model.CoOccurrence.Similarity);
            w.Write(model.Factors is not null);
            if (model.Factors is { } f)
            {
                w.Write(f.Factors);
                w.Write(f.Users.Count);
                foreach (var user in f.Users) w.Write(user);
                Floats(w, f.UserFactors);
                Floats(w, f.UserBias);
                Floats(w, f.ItemFactors);
                Floats(w, f.ItemBias);
            }
        }
        return buffer.ToArray();
    }

    public static RecommenderModel Read(byte[] bytes)
    {
        using var r = new BinaryReader(new DeflateStream(new MemoryStream(bytes), CompressionMode.Decompress));
        var format = r.ReadInt32();
        if (format != Format) throw new InvalidDataException($"Recommender model format {format} is not {Format}.");
        var chosen = r.ReadString();
        var courses = new CatalogueCourse[r.ReadInt32()];
        for (var i = 0; i < courses.Length; i++)
        {
            var (id, category, hasCategory, active) = (r.ReadString(), r.ReadString(), r.ReadBoolean(), r.ReadBoolean());
            courses[i] = new CatalogueCourse(id, hasCategory ? category : null, active);
        }
        var popularity = ReadDoubles(r);
        var similarity = ReadFloats(r);
        FactorScorer? factors = null;
        if (r.ReadBoolean())
        {
            var k = r.ReadInt32();
            var users = new string[r.ReadInt32()];
            for (var i = 0; i < users.Length; i++) users[i] = r.ReadString();
            factors = new FactorScorer(k, users, ReadFloats(r), ReadFloats(r), ReadFloats(r), ReadFloats(r));
        }
        return new RecommenderModel(chosen, courses, new PopularityScorer(popularity),
            new CoOccurrenceScorer(courses.Length, similarity, popularity), factors);
    }

    private static void Doubles(BinaryWriter w, double[] values)
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static void Floats(BinaryWriter w, ReadOnlySpan<float> values)
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values));
    }

    private static double[] ReadDoubles(BinaryReader r)
    {
        var values = new double[r.ReadInt32()];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private static float[] ReadFloats(BinaryReader r)
    {
        var values = new float[r.ReadInt32()];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
