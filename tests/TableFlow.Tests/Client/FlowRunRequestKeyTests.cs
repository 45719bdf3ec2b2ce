using System;
using System.Linq;

namespace TableFlow.Tests.Client;

/// <summary>
/// <see cref="FlowRunRequest"/> refuses a key the request could not send as one field of its own — the run's
/// <c>name</c> and <c>metadata</c>, another field's derived names, a key a part header cannot carry — as the key is
/// added, naming the key and what it collides with. (The verdicts of the rules themselves are pinned, with the
/// generator's and the emulator's, in TableFlow.Generators.Tests' FlowNames tests.)
/// </summary>
public class FlowRunRequestKeyTests
{
    private static FlowFile Pdf(string name = "a.pdf") => FlowFile.FromBytes(new byte[] { 1, 2, 3 }, name);

    [Theory]
    [InlineData("name")]
    [InlineData("metadata")]
    public void The_runs_own_fields_are_refused_as_file_keys_with_a_pointer_to_the_properties(string key)
    {
        var request = new FlowRunRequest();

        var e = Assert.Throws<ArgumentException>(() => request.AddFile(key, Pdf()));

        Assert.Equal("key", e.ParamName);
        Assert.Contains($"The field key '{key}' cannot be used: '{key}' is the run's own form field.", e.Message);
        Assert.Contains("Name and Metadata properties", e.Message);
        Assert.Empty(request.Fields);
    }

    [Fact]
    public void A_key_that_is_another_fields_metadata_or_guidance_is_refused_in_either_order()
    {
        var metadata = Assert.Throws<ArgumentException>(() => new FlowRunRequest().AddFile("invoice", Pdf()).AddFile("invoice_metadata", Pdf()));
        var guidance = Assert.Throws<ArgumentException>(() => new FlowRunRequest().AddFile("invoice_guidance", Pdf()).AddFile("invoice", Pdf()));

        Assert.Contains("The field key 'invoice_metadata' cannot be used: 'invoice_metadata' is the metadata field of 'invoice'.", metadata.Message);
        Assert.Contains("The field key 'invoice' cannot be used: 'invoice_guidance' is the guidance field of 'invoice'.", guidance.Message);
        Assert.Contains("metadata and guidance arguments of AddFile", guidance.Message);
    }

    [Fact]
    public void A_key_that_is_a_numbered_part_of_a_multi_file_field_is_refused_in_either_order()
    {
        var after = Assert.Throws<ArgumentException>(() => new FlowRunRequest().AddFiles("attachments", new[] { Pdf() }).AddFile("attachments_2", Pdf()));
        var before = Assert.Throws<ArgumentException>(() => new FlowRunRequest().AddFile("attachments_1", Pdf()).AddFiles("attachments", new[] { Pdf() }));

        Assert.Contains("'attachments_2' is one of the numbered file parts of 'attachments'", after.Message);
        Assert.Contains("'attachments_1' is one of the numbered file parts of 'attachments'", before.Message);
    }

    [Fact]
    public void Keys_that_only_look_alike_are_accepted()
    {
        var request = new FlowRunRequest()
            .AddFile("invoice", Pdf())
            .AddFile("invoice_1", Pdf())             // numbered parts only exist for multi-file fields
            .AddFile("invoice_metadata_pages", Pdf())
            .AddFile("Name", Pdf())                  // keys are compared as sent: ordinally
            .AddFiles("run_metadata", new[] { Pdf() });

        Assert.Equal(new[] { "invoice", "invoice_1", "invoice_metadata_pages", "Name", "run_metadata" }, request.Fields.Select(f => f.Key));
    }

    [Theory]
    [InlineData("in\\voice", "it contains '\\', which cannot stand in a multipart field name")]
    [InlineData("in\r\nvoice", "The field key 'in\\r\\nvoice' is not a valid form field name: it contains '\\r'")]
    [InlineData(" invoice", "it starts or ends with white space")]
    public void A_key_a_part_header_cannot_carry_is_refused_with_its_control_characters_escaped(string key, string expected)
    {
        var e = Assert.Throws<ArgumentException>(() => new FlowRunRequest().AddFile(key, Pdf()));

        Assert.Equal("key", e.ParamName);
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain("\n", e.Message.Split(" (Parameter")[0]);
    }
}
