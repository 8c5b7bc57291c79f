using OrleansTwitter.LoadGen;

// One command per benchmark; each starts what it measures (or connects to the servers it is
// given) and stops what it started.
return await LoadGenCommands.CreateRoot().Parse(args).InvokeAsync();
