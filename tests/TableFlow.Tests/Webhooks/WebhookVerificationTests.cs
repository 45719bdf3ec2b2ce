using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using static TableFlow.Tests.Webhooks.SvixVectors;

namespace TableFlow.Tests.Webhooks;

public sealed class WebhookVerificationTests
{
    public static IEnumerable<object[]> Vectors => All();

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Sign_reproduces_every_official_Svix_vector(string name, string body, string expected)
    {
        Assert.Equal(expected, Webhook().Sign(MessageId, DateTimeOffset.FromUnixTimeSeconds(Timestamp), Bytes(body)));
        Assert.NotNull(name);
    }

    [Fact]
    public void The_small_official_vector_verifies_and_reads_as_an_event()
    {
        var evt = Webhook().Verify(Bytes(SmallBody), MessageId, TimestampText, SmallSignature);

        Assert.Equal(MessageId, evt.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Timestamp), evt.Timestamp);
        Assert.Equal(2432232314, evt.Data.GetProperty("test").GetInt64());
        Assert.Equal("", evt.Type);
        Assert.Null(evt.FlowRun);
        Assert.Null(evt.Extraction);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Every_official_vector_passes_the_signature_check(string name, string body, string signature)
    {
        // The large vectors' bodies are runs of 'a', not JSON: their signature passes and only then is the body refused.
        var webhook = Webhook();
        if (body.StartsWith('{'))
        {
            Assert.Equal(MessageId, webhook.Verify(Bytes(body), MessageId, TimestampText, signature).Id);
        }
        else
        {
            var e = Assert.Throws<TableFlowWebhookException>(() => webhook.Verify(Bytes(body), MessageId, TimestampText, signature));
            Assert.Equal(WebhookFailure.MalformedBody, e.Failure);
            Assert.Contains("valid signature", e.Message);
        }

        Assert.NotNull(name);
    }

    [Fact]
    public void The_python_near_miss_does_not_verify()
    {
        var e = Assert.Throws<TableFlowWebhookException>(() => Webhook().Verify(Bytes(SmallBody), MessageId, TimestampText, WrongSignature));

        Assert.Equal(WebhookFailure.SignatureMismatch, e.Failure);
        Assert.IsAssignableFrom<TableFlowException>(e);
    }

    [Fact]
    public void One_valid_v1_among_other_entries_and_versions_suffices()
    {
        const string Other = "Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=";
        var header = $"v1,{Other} v2,{Other} {SmallSignature} v1,{Other}";

        Assert.Equal(MessageId, Webhook().Verify(Bytes(SmallBody), MessageId, TimestampText, header).Id);
    }

    [Fact]
    public void A_valid_signature_under_another_version_does_not_count()
    {
        var e = Assert.Throws<TableFlowWebhookException>(() => Webhook().Verify(Bytes(SmallBody), MessageId, TimestampText, "v2" + SmallSignature[2..]));

        Assert.Equal(WebhookFailure.SignatureMismatch, e.Failure);
    }

    [Fact]
    public void A_bare_base64_secret_is_the_same_key_as_the_whsec_form()
    {
        var bare = new TableFlowWebhook(Secret["whsec_".Length..], FixedClock.AtUnixSeconds(Timestamp));

        Assert.Equal(MessageId, bare.Verify(Bytes(SmallBody), MessageId, TimestampText, SmallSignature).Id);
    }

    [Fact]
    public void A_tampered_body_fails_even_by_one_byte_and_even_when_it_means_the_same_JSON()
    {
        var webhook = Webhook();

        var changed = Assert.Throws<TableFlowWebhookException>(() => webhook.Verify(Bytes("""{"test": 2432232315}"""), MessageId, TimestampText, SmallSignature));
        var reserialised = Assert.Throws<TableFlowWebhookException>(() => webhook.Verify(Bytes("""{"test":2432232314}"""), MessageId, TimestampText, SmallSignature));

        Assert.Equal(WebhookFailure.SignatureMismatch, changed.Failure);
        Assert.Equal(WebhookFailure.SignatureMismatch, reserialised.Failure);
        Assert.Contains("raw bytes", changed.Message);
    }

    [Fact]
    public void A_changed_id_or_timestamp_fails_because_the_signature_covers_them()
    {
        var webhook = Webhook();

        Assert.Equal(WebhookFailure.SignatureMismatch, Assert.Throws<TableFlowWebhookException>(() => webhook.Verify(Bytes(SmallBody), MessageId + "x", TimestampText, SmallSignature)).Failure);
        Assert.Equal(WebhookFailure.SignatureMismatch, Assert.Throws<TableFlowWebhookException>(() => webhook.Verify(Bytes(SmallBody), MessageId, "1614265331", SmallSignature)).Failure);
    }

    [Fact]
    public void Another_endpoints_secret_fails_and_no_message_contains_either_secret()
    {
        var other = TableFlowWebhook.CreateSecret();
        var webhook = new TableFlowWebhook(other, FixedClock.AtUnixSeconds(Timestamp));

        var e = Assert.Throws<TableFlowWebhookException>(() => webhook.Verify(Bytes(SmallBody), MessageId, TimestampText, SmallSignature));

        Assert.Equal(WebhookFailure.SignatureMismatch, e.Failure);
        Assert.DoesNotContain(other["whsec_".Length..], e.ToString());
        Assert.DoesNotContain(Secret["whsec_".Length..], e.ToString());
    }

    [Fact]
    public void A_truncated_signature_fails()
    {
        var e = Assert.Throws<TableFlowWebhookException>(() => Webhook().Verify(Bytes(SmallBody), MessageId, TimestampText, SmallSignature[..^2]));

        Assert.Equal(WebhookFailure.SignatureMismatch, e.Failure);
    }

    [Theory]
    [InlineData("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")]
    [InlineData("v1")]
    [InlineData("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE= garbage")]
    public void An_entry_without_a_comma_is_a_malformed_signature_header(string header)
    {
        var e = Assert.Throws<TableFlowWebhookException>(() => Webhook().Verify(Bytes(SmallBody), MessageId, TimestampText, header));

        Assert.Equal(WebhookFailure.MalformedSignature, e.Failure);
        Assert.Contains("without a comma", e.Message);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void A_timestamp_exactly_five_minutes_away_is_accepted(int offset)
        => Assert.Equal(MessageId, Webhook(Timestamp + offset).Verify(Bytes(SmallBody), MessageId, TimestampText, SmallSignature).Id);

    [Fact]
    public void A_stale_timestamp_is_refused_as_a_possible_replay()
    {
        var e = Assert.Throws<TableFlowWebhookException>(() => Webhook(Timestamp + 301).Verify(Bytes(SmallBody), MessageId, TimestampText, SmallSignature));

        Assert.Equal(WebhookFailure.TimestampTooOld, e.Failure);
        Assert.Contains("301 s ago", e.Message);
    }

    [Fact]
    public void A_future_timestamp_is_refused()
    {
        var e = Assert.Throws<TableFlowWebhookException>(() => Webhook(Timestamp - 301).Verify(Bytes(SmallBody), MessageId, TimestampText, SmallSignature));

        Assert.Equal(WebhookFailure.TimestampTooNew, e.Failure);
        Assert.Contains("301 s ahead", e.Message);
    }

    [Fact]
    public void With_the_default_system_clock_the_2021_vector_is_stale()
    {
        var e = Assert.Throws<TableFlowWebhookException>(() => new TableFlowWebhook(Secret).Verify(Bytes(SmallBody), MessageId, TimestampText, SmallSignature));

        Assert.Equal(WebhookFailure.TimestampTooOld, e.Failure);
    }

    [Theory]
    [InlineData("1614265330.5")]
    [InlineData("abc")]
    [InlineData("-1614265330")]
    [InlineData("+1614265330")]
    [InlineData("99999999999999999999999")]
    [InlineData("2021-02-25T15:02:10Z")]
    public void A_timestamp_that_is_not_whole_unix_seconds_is_malformed(string timestamp)
    {
        var e = Assert.Throws<TableFlowWebhookException>(() => Webhook().Verify(Bytes(SmallBody), MessageId, timestamp, SmallSignature));

        Assert.Equal(WebhookFailure.MalformedTimestamp, e.Failure);
    }

    [Theory]
    [InlineData("", TimestampText, SmallSignature, "svix-id")]
    [InlineData(MessageId, "", SmallSignature, "svix-timestamp")]
    [InlineData(MessageId, TimestampText, "  ", "svix-signature")]
    public void An_empty_value_is_a_missing_header_named_in_the_message(string id, string timestamp, string signature, string named)
    {
        var e = Assert.Throws<TableFlowWebhookException>(() => Webhook().Verify(Bytes(SmallBody), id, timestamp, signature));

        Assert.Equal(WebhookFailure.MissingHeader, e.Failure);
        Assert.Contains(named, e.Message);
    }

    [Fact]
    public void Svix_headers_are_found_in_any_case()
    {
        var headers = Headers(("SVIX-ID", MessageId), ("Svix-Timestamp", TimestampText), ("svix-SIGNATURE", SmallSignature), ("Content-Type", "application/json"));

        Assert.Equal(MessageId, Webhook().Verify(Bytes(SmallBody), headers).Id);
    }

    [Fact]
    public void The_unbranded_webhook_headers_are_used_when_the_svix_ones_are_absent()
    {
        var headers = Headers(("Webhook-Id", MessageId), ("webhook-timestamp", TimestampText), ("WEBHOOK-SIGNATURE", SmallSignature));

        Assert.Equal(MessageId, Webhook().Verify(Bytes(SmallBody), headers).Id);
    }

    [Fact]
    public void A_missing_header_is_named()
    {
        var e = Assert.Throws<TableFlowWebhookException>(() => Webhook().Verify(Bytes(SmallBody), Headers(("svix-id", MessageId), ("svix-signature", SmallSignature))));

        Assert.Equal(WebhookFailure.MissingHeader, e.Failure);
        Assert.Contains("svix-timestamp", e.Message);
    }

    [Fact]
    public void No_headers_at_all_is_a_missing_header()
        => Assert.Equal(WebhookFailure.MissingHeader, Assert.Throws<TableFlowWebhookException>(() => Webhook().Verify(Bytes(SmallBody), Headers())).Failure);

    [Fact]
    public void An_id_sent_twice_is_refused()
    {
        var headers = new[]
        {
            new KeyValuePair<string, IEnumerable<string>>("svix-id", new[] { MessageId, "msg_other" }),
            new KeyValuePair<string, IEnumerable<string>>("svix-timestamp", new[] { TimestampText }),
            new KeyValuePair<string, IEnumerable<string>>("svix-signature", new[] { SmallSignature }),
        };

        var e = Assert.Throws<TableFlowWebhookException>(() => Webhook().Verify(Bytes(SmallBody), headers));

        Assert.Contains("sent 2 times", e.Message);
    }

    [Fact]
    public void Signature_headers_sent_twice_are_read_as_one_list()
    {
        var headers = new[]
        {
            new KeyValuePair<string, IEnumerable<string>>("svix-id", new[] { MessageId }),
            new KeyValuePair<string, IEnumerable<string>>("svix-timestamp", new[] { TimestampText }),
            new KeyValuePair<string, IEnumerable<string>>("svix-signature", new[] { WrongSignature, SmallSignature }),
        };

        Assert.Equal(MessageId, Webhook().Verify(Bytes(SmallBody), headers).Id);
    }

    [Fact]
    public void The_headers_of_an_HttpRequestMessage_can_be_passed_as_they_are()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "http://localhost/");
        request.Headers.Add("svix-id", MessageId);
        request.Headers.Add("svix-timestamp", TimestampText);
        request.Headers.TryAddWithoutValidation("svix-signature", SmallSignature);

        Assert.Equal(MessageId, Webhook().Verify(Bytes(SmallBody), request.Headers).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("whsec_")]
    [InlineData("whsec_not base64!")]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS")]
    public void A_secret_that_is_not_base64_is_refused_at_construction_without_repeating_it(string secret)
    {
        var e = Assert.Throws<ArgumentException>(() => new TableFlowWebhook(secret));

        Assert.Equal("secret", e.ParamName);
        if (secret.Length > "whsec_".Length) Assert.DoesNotContain(secret["whsec_".Length..], e.Message);
    }

    [Fact]
    public void A_null_secret_is_refused()
        => Assert.Throws<ArgumentNullException>(() => new TableFlowWebhook(null!));

    [Fact]
    public void Created_secrets_are_fresh_whsec_secrets_that_sign_and_verify()
    {
        var secret = TableFlowWebhook.CreateSecret();
        var webhook = new TableFlowWebhook(secret);
        var body = Encoding.UTF8.GetBytes("""{"event": "flow.run.completed", "data": {}}""");
        var now = DateTimeOffset.UtcNow;

        var evt = webhook.Verify(body, "msg_1", now.ToUnixTimeSeconds().ToString(), webhook.Sign("msg_1", now, body));

        Assert.StartsWith("whsec_", secret);
        Assert.NotEqual(secret, TableFlowWebhook.CreateSecret());
        Assert.Equal("flow.run.completed", evt.Type);
    }
}
