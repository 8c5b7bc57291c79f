using System.Collections.Immutable;
using OrleansTwitter.Contracts.Search;

namespace OrleansTwitter.Web.Apis.Models;

/// <summary>Users by handle prefix: <c>{ "items": [ { "handle", "displayName" } ] }</c>.</summary>
internal sealed record DirectoryResponse(IReadOnlyList<DirectoryEntryResponse> Items)
{
    public static DirectoryResponse From(ImmutableArray<DirectoryEntry> entries) =>
        new([.. entries.Select(e => new DirectoryEntryResponse(e.Handle, e.DisplayName))]);
}
