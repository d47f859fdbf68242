using Console.Web.Cli.Import;
using CsvReader = CsvHelper.CsvReader;
using CsvReaderOptions = CsvHelper.CsvReaderOptions;

namespace Console.Web.Cli;

/// <summary>import KIND FILE.csv: stores the valid rows, reports each refused row, exits 1 when any was refused.</summary>
internal static class ImportVerb
{
    private const int ChunkSize = 1_000;
    private const long ProgressFromBytes = 1_000_000;

    public static async Task<int> RunAsync(CliContext cli)
    {
        var importers = ImportKinds.All(cli.Services).ToDictionary(i => i.Kind, StringComparer.OrdinalIgnoreCase);
        if (cli.Args.Positional.Count != 2 || !importers.TryGetValue(cli.Args.Positional[0], out var importer))
        {
            await cli.Error.WriteLineAsync($"usage: import {string.Join('|', importers.Keys)} FILE.csv");
            return 2;
        }
        var path = cli.Args.Positional[1];
        if (!File.Exists(path))
        {
            await cli.Error.WriteLineAsync($"error: {path}: no such file.");
            return 1;
        }
        cli.Services.GetRequiredService<Console.Domain.Data.Migrator>().Migrate();

        await using var stream = File.OpenRead(path);
        await using var csv = CsvReader.Create(stream, CsvReaderOptions.Default with { TrackLineNumbers = true, TrimWhitespace = true }, false);
        await csv.ReadHeaderAsync(CancellationToken.None);
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
        {
            await cli.Error.WriteLineAsync($"error: {path}: the file is empty; the first line must name the columns.");
            return 1;
        }
        var missing = importer.RequiredColumns.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            await cli.Error.WriteLineAsync($"error: {path}: the header lacks required column(s) {string.Join(", ", missing)}; "
                + $"known columns: {string.Join(", ", importer.RequiredColumns.Concat(importer.OptionalColumns))}.");
            return 1;
        }
        var unknown = header.Where(h => !importer.RequiredColumns.Concat(importer.OptionalColumns).Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0) await cli.Error.WriteLineAsync($"warning: ignoring unknown column(s) {string.Join(", ", unknown)}.");

        var showProgress = stream.Length >= ProgressFromBytes;
        int stored = 0, already = 0, refused = 0, rows = 0;
        var chunk = new List<CsvRow>(ChunkSize);
        async Task Flush()
        {
            if (chunk.Count == 0) return;
            var (ok, known, rejected) = await importer.ImportAsync(chunk, CancellationToken.None);
            stored += ok;
            already += known;
            refused += rejected.Count;
            foreach (var r in rejected.OrderBy(r => r.Index))
                await cli.Error.WriteLineAsync($"line {chunk[r.Index].Line}, column {r.Column}: {r.Reason}");
            chunk.Clear();
            if (showProgress)
                await cli.Error.WriteLineAsync($"progress: {rows:N0} rows read, {100 * stream.Position / Math.Max(1, stream.Length)}% of the file");
        }

        while (await csv.ReadAsync())
        {
            rows++;
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++) values[header[i]] = i < csv.FieldCount ? csv.GetStringOrNull(i) : null;
            chunk.Add(new CsvRow((int)csv.LineNumber, values));
            if (chunk.Count == ChunkSize) await Flush();
        }
        await Flush();
        // A row whose id is already stored is not an error: importing a file twice stores it once.
        var known = already > 0 ? $", {already:N0} already stored" : "";
        await cli.Out.WriteLineAsync($"{importer.Kind}: {rows:N0} rows read, {stored:N0} stored{known}, {refused:N0} refused.");
        return refused == 0 ? 0 : 1;
    }
}
