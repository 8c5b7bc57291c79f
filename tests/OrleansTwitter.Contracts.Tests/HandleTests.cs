namespace OrleansTwitter.Contracts.Tests;

public sealed class HandleTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("Ada_Lovelace_99")]
    [InlineData("_")]
    [InlineData("123")]
    public void Handles_of_1_to_15_letters_digits_and_underscores_are_valid(string handle)
    {
        Assert.True(Handle.IsValid(handle));
        Assert.Equal(handle.ToLowerInvariant(), Handle.Normalize(handle));
    }

    [Theory]
    [InlineData("")]
    [InlineData("sixteen_chars_xx")]
    [InlineData("with space")]
    [InlineData("dash-ed")]
    [InlineData("dotted.name")]
    [InlineData("émile")]
    [InlineData("ａｄａ")]
    [InlineData("@ada")]
    public void Anything_else_is_invalid_with_a_message_that_states_the_rules(string handle)
    {
        Assert.False(Handle.TryNormalize(handle, out _));

        var error = Assert.Throws<ArgumentException>(() => Handle.Normalize(handle));
        Assert.Contains("letters", error.Message, StringComparison.Ordinal);
        Assert.Equal("handle", error.ParamName);
    }

    [Fact]
    public void A_missing_handle_is_invalid() =>
        Assert.Contains("required", Assert.Throws<ArgumentException>(() => Handle.Normalize(null)).Message, StringComparison.Ordinal);

    [Fact]
    public void Handles_that_differ_only_in_case_are_the_same_user()
    {
        Assert.Equal(Handle.Normalize("AdaL"), Handle.Normalize("adal"));
        Assert.True(Handle.SameUser("AdaL", "ADAL"));
        Assert.Equal(0, Handle.Comparer.Compare("AdaL", "adal"));
    }

    [Fact]
    public void A_lower_case_handle_is_its_own_key_without_a_copy()
    {
        const string handle = "already_lower";

        Assert.Same(handle, Handle.ToKey(handle));
    }
}
