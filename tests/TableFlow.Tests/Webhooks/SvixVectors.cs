using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace TableFlow.Tests.Webhooks;

/// <summary>
/// Svix's official test vectors: svix/svix-webhooks csharp/Svix.Tests/WebhookTest.cs (VerifyWebhookSignWorks,
/// VerifyWebhookSignWithLargePayloadWorks) and python/tests/test_webhooks.py (test_sign_function).
/// </summary>
internal static class SvixVectors
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    public const long Timestamp = 1614265330;
    public const string TimestampText = "1614265330";

    /// <summary>The python test's near miss: the last character before the padding changed.</summary>
    public const string WrongSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=";

    /// <summary>The first vector: a small JSON body.</summary>
    public const string SmallBody = """{"test": 2432232314}""";

    public const string SmallSignature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    public static IEnumerable<object[]> All()
    {
        yield return new object[] { "small JSON", SmallBody, SmallSignature };
        yield return new object[] { "a x 1048576", new string('a', 1048576), "v1,txpEUxqWZJ5nteTnymUVa+7C4NHpBeXJ6CsBAW0c3/A=" };
        yield return new object[] { "a x 262144", new string('a', 262144), "v1,Mw4Pe2WgApuT7NSqnSq0PQPV9gbLdggCl9B865x5Xh0=" };
        yield return new object[] { "a x 262143", new string('a', 262143), "v1,NTItnqyWMoFhk2Bbe5V/BMdcFRWgcSQaTgqLHX7FC7c=" };
    }

    public static byte[] Bytes(string body) => Encoding.UTF8.GetBytes(body);

    public static TableFlowWebhook Webhook(long nowSeconds = Timestamp) => new(Secret, FixedClock.AtUnixSeconds(nowSeconds));

    public static IEnumerable<KeyValuePair<string, IEnumerable<string>>> Headers(params (string Name, string Value)[] headers)
        => headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Name, new[] { h.Value }));
}
