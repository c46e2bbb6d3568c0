using System.ComponentModel.DataAnnotations;

namespace CheckinBot.Web.Legal;

/// <summary>Section <c>Legal</c>: who runs this CheckinBot and whom to ask, for the privacy and terms pages the manifest links.</summary>
public sealed class LegalOptions
{
    public const string SectionName = "Legal";

    /// <summary>The organisation that runs the bot for its people.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Legal:Organisation must name the organisation that runs CheckinBot.")]
    [MaxLength(200, ErrorMessage = "Legal:Organisation must be at most 200 characters.")]
    public string Organisation { get; set; } = "Your organisation";

    /// <summary>Whom to ask about one's data: an email address or a web page.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Legal:Contact must say whom to ask (an email address or a web page).")]
    [MaxLength(300, ErrorMessage = "Legal:Contact must be at most 300 characters.")]
    public string Contact { get; set; } = "your HR team";
}
