namespace TableFlow.AspNetCore.Tests;

public sealed class MessageIdCacheTests
{
    [Fact]
    public void Memory_is_bounded_the_oldest_handled_id_is_forgotten_first()
    {
        var cache = new MessageIdCache(capacity: 2);
        foreach (var id in new[] { "a", "b", "c" })
        {
            Assert.Equal(MessageState.New, cache.TryBegin(id));
            cache.Complete(id);
        }

        Assert.Equal(MessageState.Handled, cache.TryBegin("c"));
        Assert.Equal(MessageState.Handled, cache.TryBegin("b"));
        Assert.Equal(MessageState.New, cache.TryBegin("a"));
    }

    [Fact]
    public void An_abandoned_id_is_new_again_and_its_old_place_in_line_does_not_evict_the_new_claim()
    {
        var cache = new MessageIdCache(capacity: 2);
        cache.TryBegin("a");
        cache.Abandon("a");
        cache.TryBegin("b");
        cache.Complete("b");
        Assert.Equal(MessageState.New, cache.TryBegin("a"));
        cache.Complete("a");

        cache.TryBegin("c");

        Assert.Equal(MessageState.Handled, cache.TryBegin("a"));
        Assert.Equal(MessageState.InProgress, cache.TryBegin("c"));
        Assert.Equal(MessageState.New, cache.TryBegin("b"));
    }
}
