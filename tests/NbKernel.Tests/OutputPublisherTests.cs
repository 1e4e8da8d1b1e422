// Stream batching: many small writes become few stream messages, in order with the other outputs.
using NbEngine.Notebooks;
using NbKernel.Handlers;

namespace NbKernel.Tests;

public sealed class OutputPublisherTests
{
    [Fact]
    public void Add_WhenACellWritesCharacterByCharacter_PublishesOneStreamMessageWhenTheCellEnds()
    {
        var published = new List<CellOutput>();

        using (var publisher = new OutputPublisher(published.Add))
        {
            foreach (var c in "progress")
            {
                publisher.Add(new StreamOutput(StreamOutput.StandardOutput, c.ToString()));
            }
        }

        Assert.Equal([new StreamOutput(StreamOutput.StandardOutput, "progress")], published);
    }

    [Fact]
    public void Add_WhenADisplayOrAnotherStreamFollowsText_PublishesThePendingTextFirst()
    {
        var published = new List<CellOutput>();
        var chart = DisplayOutput.Single("text/html", "<div>chart</div>");

        using (var publisher = new OutputPublisher(published.Add))
        {
            publisher.Add(new StreamOutput(StreamOutput.StandardOutput, "a"));
            publisher.Add(new StreamOutput(StreamOutput.StandardError, "b"));
            publisher.Add(chart);
            publisher.Add(new StreamOutput(StreamOutput.StandardOutput, "c"));
        }

        Assert.Equal(
            [new StreamOutput(StreamOutput.StandardOutput, "a"), new StreamOutput(StreamOutput.StandardError, "b"), chart, new StreamOutput(StreamOutput.StandardOutput, "c")],
            published);
    }
}
