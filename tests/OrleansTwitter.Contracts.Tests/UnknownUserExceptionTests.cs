namespace OrleansTwitter.Contracts.Tests;

public sealed class UnknownUserExceptionTests
{
    [Fact]
    public void It_names_the_handle_and_a_copy_made_from_its_message_says_the_same()
    {
        var error = UnknownUserException.ForHandle("ghost");

        // What a remote caller's runtime does: recreate the type from its (string message) constructor.
        var recreated = (UnknownUserException)Activator.CreateInstance(typeof(UnknownUserException), error.Message)!;

        Assert.Equal("No user has the handle 'ghost'.", error.Message);
        Assert.Equal("ghost", error.Handle);
        Assert.Equal(error.Message, recreated.Message);
    }
}
