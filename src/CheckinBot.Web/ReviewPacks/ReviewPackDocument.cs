using System.Globalization;
using CheckinBot.Core.ReviewPacks;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CheckinBot.Web.ReviewPacks;

/// <summary>
/// A review pack as a Word document (Open XML SDK): a heading per section, a dated line per entry in the person's own
/// words, each line a link to its source entry, which the "Where each line comes from" part shows whole. Nothing is
/// added that the log does not say.
/// </summary>
internal static class ReviewPackDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Write(ReviewPackView view)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var pack = view.Pack;
            body.Append(Paragraph(Run($"Self-review draft: {view.PersonName}", bold: true, size: 32)));
            body.Append(Paragraph(Run($"{Day(pack.From)} to {Day(pack.To)}. Built {ReviewPackService.Day(pack.CreatedAt)} from "
                + (view.ForManager ? "the entries they chose to share" : "your own growth log") + ": every line is an entry's own words, dated, and links to where it came from. Nothing is rephrased or rated.", italic: true)));
            if (view.Entries.Count == 0)
                body.Append(Paragraph(Run("Nothing in this period yet. Check-ins, wins, goals and feedback you log from now on will fill the next pack.")));
            foreach (var section in view.Entries.GroupBy(e => e.Section))
            {
                body.Append(Paragraph(Run(ReviewSectionTitles.Of(section.Key), bold: true, size: 26)));
                foreach (var entry in section)
                {
                    body.Append(new Paragraph(
                        Run($"{ReviewPackService.Day(entry.At)}: ", bold: true),
                        Run(entry.Text),
                        Run($" ({entry.Context}) ", italic: true),
                        new Hyperlink(Run("source", italic: true)) { Anchor = Anchor(entry.SourceKind, entry.SourceId) }));
                }
            }
            if (view.Sources.Count > 0)
                body.Append(Paragraph(Run("Where each line comes from", bold: true, size: 26)));
            var bookmark = 1;
            foreach (var source in view.Sources)
            {
                var id = (bookmark++).ToString(CultureInfo.InvariantCulture);
                body.Append(new Paragraph(
                    new BookmarkStart { Id = id, Name = Anchor(source.Kind, source.Id) },
                    Run(source.Title, bold: true),
                    new BookmarkEnd { Id = id }));
                foreach (var (label, value) in source.Lines)
                    body.Append(new Paragraph(Run(label + ": ", italic: true), Run(value)));
            }
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A bookmark name: letters and digits, at most 40 characters, as Word requires.</summary>
    private static string Anchor(ReviewSourceKind kind, string id)
    {
        var safe = new string([.. id.Where(char.IsAsciiLetterOrDigit)]);
        return $"src_{kind}_{safe}"[..Math.Min(40, 5 + kind.ToString().Length + safe.Length)];
    }

    private static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static Paragraph Paragraph(params OpenXmlElement[] runs) => new(runs);

    private static Run Run(string text, bool bold = false, bool italic = false, int? size = null)
    {
        var properties = new RunProperties();
        if (bold)
            properties.Append(new Bold());
        if (italic)
            properties.Append(new Italic());
        if (size is { } halfPoints)
            properties.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
