using System.Text.Json.Serialization;
using CheckinBot.Teams.Activities;

namespace CheckinBot.Teams.Cards;

/// <summary>
/// A typed Adaptive Card (schema 1.5, the newest Teams renders for bots). Serialize with <see cref="ProtocolJson.Options"/>:
/// the <c>type</c> discriminators come from the polymorphism attributes on <see cref="CardElement"/> and <see cref="CardAction"/>.
/// </summary>
public sealed record AdaptiveCard(IReadOnlyList<CardElement> Body, IReadOnlyList<CardAction>? Actions = null)
{
    [JsonPropertyName("$schema")]
    public string Schema { get; init; } = "http://adaptivecards.io/schemas/adaptive-card.json";

    [JsonPropertyOrder(-1)]
    public string Type { get; init; } = "AdaptiveCard";
    public string Version { get; init; } = "1.5";

    /// <summary>Teams renders cards narrow unless asked for full width.</summary>
    public object Msteams { get; init; } = new { width = "Full" };

    public Attachment ToAttachment() => new() { ContentType = Attachment.AdaptiveCardContentType, Content = this };
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
public abstract record CardElement
{
    public string? Id { get; init; }
    public string? Spacing { get; init; }
    public bool? Separator { get; init; }
}

public sealed record TextBlock(string Text) : CardElement
{
    public bool Wrap { get; init; } = true;
    public string? Size { get; init; }
    public string? Weight { get; init; }
    public string? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public string? Style { get; init; }

    public static TextBlock Heading(string text) => new(text) { Size = "Medium", Weight = "Bolder", Style = "heading" };
    public static TextBlock Subtle(string text) => new(text) { IsSubtle = true, Size = "Small" };
}

public sealed record Fact(string Title, string Value);

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

public abstract record CardInput : CardElement
{
    protected CardInput(string id) => Id = id;

    public string? Label { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

public sealed record TextInput([property: JsonIgnore] string InputId) : CardInput(InputId)
{
    public string? Placeholder { get; init; }
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }
    public string? Value { get; init; }
    public string? Regex { get; init; }
}

public sealed record Choice(string Title, string Value);

public sealed record ChoiceSetInput([property: JsonIgnore] string InputId, IReadOnlyList<Choice> Choices) : CardInput(InputId)
{
    public string? Style { get; init; }
    public bool? IsMultiSelect { get; init; }
    public string? Value { get; init; }
}

public sealed record NumberInput([property: JsonIgnore] string InputId) : CardInput(InputId)
{
    public double? Min { get; init; }
    public double? Max { get; init; }
    public double? Value { get; init; }
    public string? Placeholder { get; init; }
}

public sealed record DateInput([property: JsonIgnore] string InputId) : CardInput(InputId)
{
    public string? Value { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
}

public sealed record ToggleInput([property: JsonIgnore] string InputId, string Title) : CardInput(InputId)
{
    public string? Value { get; init; }
    public string ValueOn { get; init; } = "true";
    public string ValueOff { get; init; } = "false";
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
public abstract record CardAction(string Title)
{
    public string? Id { get; init; }
    public string? Style { get; init; }
}

/// <summary>
/// Submit arrives back as a message whose <c>value</c> is <see cref="Data"/> merged with the inputs. Our data always
/// carries a <c>verb</c> so one router handles Submit and Execute alike.
/// </summary>
public sealed record SubmitAction(string Title, IReadOnlyDictionary<string, object?> Data) : CardAction(Title)
{
    /// <summary>A button whose data is our <c>verb</c> plus the given fields (null fields are left out).</summary>
    public static SubmitAction ForVerb(string title, string verb, params (string Key, object? Value)[] fields)
    {
        var data = new Dictionary<string, object?> { ["verb"] = verb };
        foreach (var (key, value) in fields.Where(f => f.Value is not null))
            data[key] = value;
        return new SubmitAction(title, data);
    }

    /// <summary><c>"none"</c>: send only <see cref="Data"/> and skip input validation (for Back, Skip, choice buttons).</summary>
    public string? AssociatedInputs { get; init; }
}

public sealed record OpenUrlAction(string Title, Uri Url) : CardAction(Title);
