"""`lawgov-gen init`: a complete, commented starter data file that renders as is."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from string import Template

from lawgov_gen.errors import LawgovError
from lawgov_gen.output import write_atomic

STARTER = Template("""\
# 法治政府建设年度报告数据文件（lawgov-gen 数据格式第 1 版）
# 填写后运行：lawgov-gen check $filename    生成：lawgov-gen render $filename --pdf
# 编号（一、（一）1. 一是）由程序生成，不要手写；数字写在 metrics 中，文字用 {{ m.指标id }} 引用。
version: 1
# previous: ../$prev_year/$filename     # 上年数据文件：自动填入各指标的上年数值（prev）

report:
  org: $org                 # 发文机关全称，也是默认署名
  short: $short             # 简称，用于标题和文字中的 {{ short }}
  level: township           # township（乡镇）| county（县）| department（部门）
  year: $year               # 报告年度
  date: $date               # 成文日期，印为 $date_cn；乡镇应在次年3月1日前报送
  to: [中共示例县委员会, 示例县人民政府]   # 主送机关（上级党委、政府）
  # doc_number: 示政〔$next_year〕1号      # 发文字号：六角括号〔〕，不写“第”，序号不加0
  # title: $short${year}年法治政府建设年度报告   # 默认标题即此
  note: 此件公开发布           # 附注，印为（此件公开发布）
  # attachments: [${year}年主要指标完成情况表]  # 附件说明
  # ignore: [Q5]              # 对本文件关闭的检查规则

intro: |
  ${year}年，{{ short }}坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想，
  扎实推进法治政府建设各项工作。现将有关情况报告如下：

metrics:                    # 文字引用的每个数字只写在这里一次
  mediation_cases:   {label: 调解矛盾纠纷, value: 100, unit: 起}
  mediation_success: {label: 调解成功, value: 96, unit: 起, of: mediation_cases}
  mediation_rate:    {label: 调解成功率, rate: [mediation_success, mediation_cases]}
  pufa_events:       {label: 开展普法活动, value: 20, unit: 场次}
  leaflets:          {label: 发放宣传资料, value: 3000, unit: 份, approx: true}
  penalty_cases:     {label: 行政处罚案件, value: 10, unit: 件, parts: [penalty_closed, penalty_open]}
  penalty_closed:    {label: 已办结, value: 9, unit: 件}
  penalty_open:      {label: 正在办理, value: 1, unit: 件}

measures:                   # 一、主要举措和成效（必填）
  - title: 加强组织领导，压实工作责任
    text: |
      把法治政府建设纳入全镇经济社会发展总体布局，定期研究部署法治建设重点任务。
  - title: 严格规范公正文明执法
    text: |
      全面落实行政执法“三项制度”，全年办理行政处罚案件{{ m.penalty_cases }}，
      其中已办结{{ m.penalty_closed }}。
  - title: 深化法治宣传教育
    points_style: inline    # inline：一是……二是……连排一段；block：每点一段
    points:
      - lead: 丰富普法形式
        text: 开展普法活动{{ m.pufa_events }}，发放宣传资料{{ m.leaflets }}。
      - lead: 化解矛盾纠纷
        text: 调解矛盾纠纷{{ m.mediation_cases }}，调解成功率{{ m.mediation_rate }}。

problems:                   # 二、不足和原因
  shortcomings:
    - lead: 干部法治素养有待提升
      text: 少数干部运用法治思维和法治方式解决问题的能力还不强。
  causes:
    - lead: 学法用法机制不够健全
      text: 学法培训针对性不强，考核结果运用不够充分。

duties:                     # 三、党政主要负责人履行推进法治建设第一责任人职责情况
  - title: 带头学法述法
    text: |
      党政主要负责人带头学习习近平法治思想，在年终述职中专题报告履行法治建设职责情况。

court:                      # 行政应诉（印为第五部分的第一段）
  lawsuits: 0
  head_appearances: 0
  lost: 0
  judgments_due: 0
  judgments_performed: 0

plans:                      # 四、下一年度主要安排（必填）
  - title: 持续提升依法行政能力
    text: |
      {{ next_year }}年，围绕法治政府建设年度任务，进一步健全依法决策机制，提升执法规范化水平。

other: []                   # 五、其他需要报告的情况
""")


def default_short(org: str) -> str:
    """示例县示例镇人民政府 → 示例镇."""
    name = re.sub(r"(人民政府|政府)$", "", org)
    parts = re.split(r"(?<=[省市县区旗])", name)
    tail = [p for p in parts if p]
    return tail[-1] if tail else name


def starter_text(filename: str, org: str, short: str | None, year: int) -> str:
    """The text of a new data file."""
    date = dt.date(year + 1, 2, 20)
    return STARTER.substitute(
        filename=filename,
        org=org,
        short=short or default_short(org),
        year=year,
        next_year=year + 1,
        prev_year=year - 1,
        date=date.isoformat(),
        date_cn=f"{date.year}年{date.month}月{date.day}日",
    )


def write_starter(
    path: Path, *, org: str, short: str | None, year: int | None, force: bool
) -> Path:
    """Write the starter file; refuse to overwrite unless `force`."""
    if path.exists() and not force:
        raise LawgovError(f"{path}: 错误 文件已存在：如要覆盖，请加 --force")
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise LawgovError(f"{path}: 错误 数据文件的扩展名应为 .yaml")
    year = year or dt.date.today().year - 1
    write_atomic(path, starter_text(path.name, org, short, year).encode("utf-8"))
    return path
