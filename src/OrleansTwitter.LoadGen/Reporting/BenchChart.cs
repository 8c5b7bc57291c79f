using System.Globalization;
using OrleansTwitter.LoadGen.TimelineLoad;
using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace OrleansTwitter.LoadGen.Reporting;

/// <summary>
/// The run's chart: reads/s per target (bars, bottom axis) and read p99 (dots, top axis), on
/// one plot, as SVG (OxyPlot's SvgExporter needs no native library).
/// </summary>
internal static class BenchChart
{
    private const int Width = 900;
    private const int Height = 420;

    public static void Write(string path, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var model = new PlotModel
        {
            Title = "Home-timeline reads per target (same graph, same mix)",
            Subtitle = string.Create(CultureInfo.InvariantCulture, $"{report.Graph.Users:N0} users, {report.Graph.Follows:N0} follows, {report.Settings.Mix.ReadsPerPost} reads per post, {report.Settings.Mix.Concurrency} callers; {report.StartedAt:yyyy-MM-dd HH:mm} UTC, {report.Machine}"),
            Background = OxyColors.White,
            IsLegendVisible = true,
        };
        var targets = new CategoryAxis { Position = AxisPosition.Left, Key = "targets", GapWidth = 0.4 };
        var throughput = new LinearAxis { Position = AxisPosition.Bottom, Key = "throughput", Title = "reads/s (bars)", Minimum = 0, MajorGridlineStyle = LineStyle.Dot, StringFormat = "#,0" };
        var latency = new LinearAxis { Position = AxisPosition.Top, Key = "latency", Title = "read p99, ms (dots)", Minimum = 0, TextColor = OxyColors.DarkRed, TitleColor = OxyColors.DarkRed };
        var bars = new BarSeries { Title = "reads/s", XAxisKey = "throughput", YAxisKey = "targets", FillColor = OxyColor.FromRgb(0x3B, 0x6E, 0xA5), LabelFormatString = "{0:#,0}", LabelPlacement = LabelPlacement.Inside, TextColor = OxyColors.White };
        var dots = new ScatterSeries { Title = "read p99 (ms)", XAxisKey = "latency", YAxisKey = "targets", MarkerType = MarkerType.Circle, MarkerSize = 6, MarkerFill = OxyColors.DarkRed };
        for (var i = 0; i < report.Results.Count; i++)
        {
            var result = report.Results[i];
            targets.Labels.Add(result.Name);
            bars.Items.Add(new BarItem(result.Mix.ReadsPerSecond));
            if (double.IsFinite(result.Mix.ReadLatency.P99))
            {
                dots.Points.Add(new ScatterPoint(result.Mix.ReadLatency.P99, i));
            }
        }

        model.Axes.Add(targets);
        model.Axes.Add(throughput);
        model.Axes.Add(latency);
        model.Series.Add(bars);
        model.Series.Add(dots);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        using var file = File.Create(path);
        new SvgExporter { Width = Width, Height = Height }.Export(model, file);
    }
}
