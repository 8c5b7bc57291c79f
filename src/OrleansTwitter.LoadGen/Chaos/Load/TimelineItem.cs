namespace OrleansTwitter.LoadGen.Chaos.Load;

/// <summary>A tweet as a page of the API lists it: its id and its text (the load makes every text unique, so a repeat under another id is a doubled post).</summary>
internal sealed record TimelineItem(string Id, string Text);
