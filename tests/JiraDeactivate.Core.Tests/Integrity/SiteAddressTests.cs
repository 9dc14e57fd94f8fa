using JiraDeactivate.Core.Sessions;

namespace JiraDeactivate.Core.Tests.Integrity;

/// <summary>Site addresses with credentials, queries or fragments are refused, and never shown with a password (issue 13).</summary>
public sealed class SiteAddressTests
{
    [Theory]
    [InlineData("http://admin:S3CRET@127.0.0.1:8080/", "user name or password")]
    [InlineData("https://admin:S3CRET@acme.atlassian.net", "user name or password")]
    [InlineData("https://acme.atlassian.net/?os_username=admin", "query or a fragment")]
    [InlineData("https://acme.atlassian.net/#fragment", "query or a fragment")]
    public void An_address_with_user_info_a_query_or_a_fragment_is_refused(string address, string expected)
    {
        var error = Assert.Throws<ConnectException>(() => SiteAddress.Normalize(new Uri(address), "Site"));

        Assert.Equal(ConnectFailure.InvalidArgument, error.Failure);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3CRET", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_site_address_is_reduced_to_its_root()
    {
        Assert.Equal(new Uri("https://acme.atlassian.net/"), SiteAddress.Normalize(new Uri("https://acme.atlassian.net/jira/software"), "Site"));
    }

    [Fact]
    public void An_address_is_shown_without_its_password()
    {
        Assert.DoesNotContain("S3CRET", SiteAddress.Shown(new Uri("https://admin:S3CRET@acme.atlassian.net/")), StringComparison.Ordinal);
    }
}
