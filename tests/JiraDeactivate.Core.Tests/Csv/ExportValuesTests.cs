using System.Globalization;
using JiraDeactivate.Core.Csv;

namespace JiraDeactivate.Core.Tests.Csv;

public class ExportValuesTests
{
    [Theory]
    [InlineData("3 Jan 2024", 2024, 1, 3)]
    [InlineData("03 Jan 2024", 2024, 1, 3)]
    [InlineData("29 Feb 2024", 2024, 2, 29)]
    [InlineData("31 dec 1999", 1999, 12, 31)]
    [InlineData("14 Dec 2012 15:31:57", 2012, 12, 14)]
    [InlineData("2023-01-19", 2023, 1, 19)]
    [InlineData(" 1 Sep 2025 ", 2025, 9, 1)]
    public void Dates_of_every_export_format_are_read_as_that_UTC_day(string cell, int year, int month, int day)
    {
        Assert.True(ExportValues.TryParseDate(cell, out var date));
        Assert.Equal(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc), date);
        Assert.Equal(DateTimeKind.Utc, date!.Value.Kind);
    }

    [Fact]
    public void Every_day_of_a_leap_year_reads_back_as_written()
    {
        for (var day = new DateTime(2024, 1, 1); day.Year == 2024; day = day.AddDays(1))
        {
            Assert.True(ExportValues.TryParseDate(day.ToString("d MMM yyyy", CultureInfo.InvariantCulture), out var date));
            Assert.Equal(day, date!.Value);
        }
    }

    [Theory]
    [InlineData("31 Feb 2024")]
    [InlineData("29 Feb 2023")]
    [InlineData("32 Jan 2024")]
    [InlineData("0 Jan 2024")]
    [InlineData("3 Foo 2024")]
    [InlineData("3 Jan 24")]
    [InlineData("yesterday")]
    public void Impossible_or_foreign_dates_are_refused(string cell)
    {
        Assert.False(ExportValues.TryParseDate(cell, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Never accessed")]
    [InlineData("never ACCESSED")]
    [InlineData("Never logged in")]
    public void Never_and_empty_mean_no_date(string cell)
    {
        Assert.True(ExportValues.TryParseDate(cell, out var date));
        Assert.Null(date);
    }
}
