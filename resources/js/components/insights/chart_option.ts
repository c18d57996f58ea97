import type { ChartSpec } from './chart_types'

const AXIS_OFFSET = 72

/**
 * The ECharts option for a chart spec: a category x axis from the rows, one
 * value axis per unit (the first on the left, the others stacked outward on
 * the right), and one series per plotted column, reading exactly the rows the
 * table and the downloads hold.
 */
export function buildOption(spec: ChartSpec) {
  const categories = spec.rows.map((row) => String(row[spec.x.key] ?? ''))
  const rightAxes = Math.max(0, spec.axes.length - 1)
  const zoom = spec.rows.length > 96
  return {
    aria: { enabled: true, label: { description: `${spec.title}. ${spec.caption}` } },
    animation: false,
    tooltip: { trigger: 'axis', confine: true },
    legend: { type: 'scroll', top: 0 },
    grid: {
      left: 16,
      right: 16 + Math.max(0, rightAxes - 1) * AXIS_OFFSET,
      top: 48,
      bottom: zoom ? 64 : 24,
      containLabel: true,
    },
    xAxis: {
      type: 'category',
      data: categories,
      name: spec.x.label,
      nameLocation: 'middle',
      nameGap: 28,
      axisTick: { alignWithLabel: true },
    },
    yAxis: spec.axes.map((axis, index) => ({
      type: 'value',
      name: `${axis.name} (${axis.unit})`,
      position: index === 0 ? 'left' : 'right',
      offset: index > 1 ? (index - 1) * AXIS_OFFSET : 0,
      alignTicks: index > 0,
      splitLine: { show: index === 0 },
    })),
    dataZoom: zoom ? [{ type: 'inside' }, { type: 'slider', bottom: 8 }] : [],
    series: spec.series.map((series) => ({
      name: series.label,
      type: series.kind === 'area' ? 'line' : series.kind,
      yAxisIndex: series.axis,
      stack: series.stack,
      color: series.color,
      areaStyle: series.kind === 'area' ? { opacity: 0.85 } : undefined,
      lineStyle:
        series.kind === 'area' ? { width: 0.5 } : series.dashed ? { type: 'dashed' } : undefined,
      showSymbol: series.kind === 'scatter' || (series.kind === 'line' && spec.rows.length <= 50),
      symbolSize: series.kind === 'scatter' ? 9 : 4,
      barMaxWidth: 48,
      emphasis: { focus: 'series' },
      data: spec.rows.map((row) => {
        const value = row[series.key]
        return typeof value === 'number' ? value : null
      }),
    })),
  }
}
