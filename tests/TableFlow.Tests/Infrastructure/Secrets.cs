using System;
using System.Collections;

namespace TableFlow.Tests.Infrastructure;

public static class Secrets
{
    /// <summary>Fails when the API key appears anywhere in the exception: message, ToString(), inner exceptions, API fields, Data.</summary>
    public static void AssertKeyAbsent(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(TestClients.ApiKey, e.ToString());
            Assert.DoesNotContain(TestClients.ApiKey, e.Message);
            foreach (DictionaryEntry entry in e.Data) Assert.DoesNotContain(TestClients.ApiKey, $"{entry.Key}={entry.Value}");
            if (e is TableFlowApiException api)
            {
                Assert.DoesNotContain(TestClients.ApiKey, api.Error ?? "");
                Assert.DoesNotContain(TestClients.ApiKey, api.ApiMessage ?? "");
                Assert.DoesNotContain(TestClients.ApiKey, api.ResponseBody ?? "");
            }
        }
    }
}
