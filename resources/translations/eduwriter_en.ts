<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../eduwriter/gui/dialogs/about.py" line="55" />
            <source>关于 %1</source>
            <translation>About %1</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/about.py" line="68" />
            <source>为教育系统办公室写作者编写工作计划、工作总结、讲话稿、实施方案和典型材料：整理范文，积累常用语句和结构骨架，按公文格式（GB/T 9704）导出 DOCX。</source>
            <translation>For office writers in education: work plans, work summaries, speeches, implementation plans and case reports. Collect sample texts, build up phrasings and outline skeletons, and export DOCX in the official layout (GB/T 9704).</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/about.py" line="83" />
            <source>本程序以 MIT 许可证发布。界面使用 Qt for Python（PySide6），遵循 LGPL v3 许可证。</source>
            <translation>Released under the MIT license. The interface uses Qt for Python (PySide6) under the LGPL v3.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/about.py" line="88" />
            <source>复制版本信息</source>
            <translation>Copy version info</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/about.py" line="90" />
            <source>打开数据文件夹</source>
            <translation>Open data folder</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/about.py" line="113" />
            <source>已复制</source>
            <translation>Copied</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <location filename="../../eduwriter/gui/app.py" line="87" />
            <source>（第 {0} 份，共 {1} 份）</source>
            <translation>(report {0} of {1})</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/app.py" line="75" />
            <source>未命名报告</source>
            <translation>Untitled report</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/app.py" line="60" />
            <location filename="../../eduwriter/gui/app.py" line="92" />
            <source>恢复报告</source>
            <extracomment>Benchmarks set this: print "EDUWRITER_READY &lt;seconds&gt;" once the window accepts input, then (value "quit") leave, or (value "library") leave once the library pane is attached too.</extracomment>
            <translation>Restore report</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/app.py" line="83" />
            <source>EduWriter 上次没有正常关闭。
发现 {0} 自动保存的“{1}”。

要恢复这份报告吗？</source>
            <translation>EduWriter did not close normally last time.
An autosaved copy of "{1}" from {0} was found.

Restore this report?</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/app.py" line="61" />
            <source>无法读取自动保存的文件：{0}</source>
            <translation>Cannot read the autosaved file: {0}</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="209" />
            <source>素材库</source>
            <translation>Library</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="210" />
            <source>素材库文件已损坏，已改名保存为：
{0}

已新建素材库，内置范文会重新导入。</source>
            <translation>The library file was damaged and has been renamed to:
{0}

A new library was created; the built-in samples are imported again.</translation>
        </message>
    </context>
    <context>
        <name>Autocomplete</name>
        <message>
            <location filename="../../eduwriter/gui/editor/autocomplete.py" line="264" />
            <source>自动补全</source>
            <extracomment>How many of the last typed characters are looked up, longest first. Three at least: two characters match nearly every phrasing of a large library and the popup would never close (and Enter would keep accepting instead of starting a paragraph). The writer moved into the popup with Up/Down: Enter accepts then.</extracomment>
            <translation>Autocomplete</translation>
        </message>
    </context>
    <context>
        <name>CheckPane</name>
        <message>
            <location filename="../../eduwriter/gui/panes/check_pane.py" line="65" />
            <source>错误</source>
            <extracomment>Quiet time after the last keystroke before the report is checked again.</extracomment>
            <translation>Error</translation>
        </message>
        <message>
            <source>{0} 个错误，{1} 条建议</source>
            <translation>{0} error(s), {1} suggestion(s)</translation>
        </message>
        <message>
            <source>仍然导出</source>
            <translation>Export anyway</translation>
        </message>
        <message>
            <source>以后不再做这一项检查（可在检查词典里恢复）</source>
            <translation>Stop making this check (the check dictionary can turn it back on)</translation>
        </message>
        <message>
            <source>修正</source>
            <translation>Fix</translation>
        </message>
        <message>
            <source>关闭此规则</source>
            <translation>Turn off this rule</translation>
        </message>
        <message>
            <source>删去</source>
            <translation>delete</translation>
        </message>
        <message>
            <source>原文</source>
            <translation>Text</translation>
        </message>
        <message>
            <source>在文本编辑器里打开检查词典（接受的词语、关闭的规则）</source>
            <translation>Open the check dictionary (accepted words, rules turned off) in a text editor</translation>
        </message>
        <message>
            <source>建议</source>
            <translation>Suggestion</translation>
        </message>
        <message>
            <source>建议改为</source>
            <translation>Change to</translation>
        </message>
        <message>
            <source>建议（{0}）</source>
            <translation>Suggestions ({0})</translation>
        </message>
        <message>
            <source>忽略</source>
            <translation>Ignore</translation>
        </message>
        <message>
            <source>总是忽略</source>
            <translation>Always ignore</translation>
        </message>
        <message>
            <source>把这个词加入检查词典，以后不再提示</source>
            <translation>Add this word to the check dictionary and never flag it again</translation>
        </message>
        <message>
            <source>报告里还有 {0} 个错误，仍要导出吗？</source>
            <translation>The report still has {0} error(s). Export anyway?</translation>
        </message>
        <message>
            <source>按建议修改这一处（可撤销）</source>
            <translation>Make the suggested change here (can be undone)</translation>
        </message>
        <message>
            <source>查看错误</source>
            <translation>Show the errors</translation>
        </message>
        <message>
            <source>检查</source>
            <translation>Check</translation>
        </message>
        <message>
            <source>检查结果</source>
            <translation>Check results</translation>
        </message>
        <message>
            <source>检查词典…</source>
            <translation>Check dictionary…</translation>
        </message>
        <message>
            <source>没有发现问题。</source>
            <translation>No problems found.</translation>
        </message>
        <message>
            <source>这次不再提示这一处</source>
            <translation>Do not show this one again for now</translation>
        </message>
        <message>
            <source>错误（{0}）</source>
            <translation>Errors ({0})</translation>
        </message>
        <message>
            <source>问题</source>
            <translation>Problem</translation>
        </message>
    </context>
    <context>
        <name>Composer</name>
        <message>
            <location filename="../../eduwriter/gui/editor/composer.py" line="67" />
            <source>在此输入标题，或从左侧素材库插入结构骨架</source>
            <extracomment>Longer pastes are refused with a message (a whole book pasted by mistake would freeze typing). The cursor moved to another block (the outline follows). A library item was dropped or pasted (payload dict from eduwriter.gui.editor.mime). Text was committed (typed or IME commit): autocomplete listens. Files were dropped on the page (the window opens or imports them).</extracomment>
            <translation>Type the title here, or insert a skeleton from the library on the left</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/composer.py" line="81" />
            <source>（在此输入标题）</source>
            <translation>(Type the title here)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/composer.py" line="351" />
            <source>分段</source>
            <translation>New paragraph</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/composer.py" line="403" />
            <source>插入骨架</source>
            <translation>Insert skeleton</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/composer.py" line="410" />
            <source>插入范文</source>
            <translation>Insert sample text</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/composer.py" line="412" />
            <source>插入语句</source>
            <translation>Insert phrasing</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/composer.py" line="426" />
            <location filename="../../eduwriter/gui/editor/composer.py" line="477" />
            <source>粘贴</source>
            <translation>Paste</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/composer.py" line="478" />
            <source>要粘贴的内容太长（{0} 万字），没有粘贴。
整篇的范文请用“文件 → 导入范文”放进素材库。</source>
            <translation>The text is too long to paste (over {0}0,000 characters); nothing was pasted.
Put whole sample texts into the library with File → Import sample texts.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/composer.py" line="537" />
            <source>撤销</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/composer.py" line="540" />
            <source>重做</source>
            <translation>Redo</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/paste.py" line="35" />
            <source>【在此概述{0}，如：{1}】</source>
            <translation>【Summarise {0} here, e.g. {1}】</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/paste.py" line="39" />
            <source>【在此概述{0}…】</source>
            <translation>【Summarise {0} here…】</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <location filename="../../eduwriter/gui/crash.py" line="339" />
            <source>EduWriter — 意外错误</source>
            <translation>EduWriter — Unexpected error</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/crash.py" line="347" />
            <source>您的文稿已自动保存，重新启动后可以恢复。</source>
            <translation>Your document was saved automatically and can be restored after a restart.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/crash.py" line="349" />
            <source>自动保存没有成功，请尽快用“另存为”保存您的文稿。</source>
            <translation>The automatic save failed. Please save your document with "Save As" as soon as possible.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/crash.py" line="351" />
            <source>程序遇到了意外错误。</source>
            <translation>The program ran into an unexpected error.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/crash.py" line="352" />
            <source>如需帮助，请把下面的详细信息发给技术支持人员。</source>
            <translation>If you need help, send the details below to your support staff.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/crash.py" line="355" />
            <source>错误记录已写入：%1</source>
            <translation>The error was logged to: %1</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/crash.py" line="363" />
            <source>复制详细信息</source>
            <translation>Copy details</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/crash.py" line="365" />
            <source>打开日志文件夹</source>
            <translation>Open log folder</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/crash.py" line="367" />
            <source>退出程序</source>
            <translation>Quit</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/crash.py" line="369" />
            <source>继续使用</source>
            <translation>Continue</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/crash.py" line="392" />
            <source>已复制</source>
            <translation>Copied</translation>
        </message>
    </context>
    <context>
        <name>Export</name>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="68" />
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="197" />
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="72" />
            <source>Word 文档 (.docx，公文版式)</source>
            <translation>Word document (.docx, official layout)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="73" />
            <source>Markdown (.md)</source>
            <translation>Markdown (.md)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="74" />
            <source>纯文本 (.txt)</source>
            <translation>Plain text (.txt)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="80" />
            <source>留空使用默认公文版式（GB/T 9704）</source>
            <translation>Leave empty for the default official layout (GB/T 9704)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="82" />
            <source>选择…</source>
            <translation>Choose…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="93" />
            <source>Windows 自带字体（仿宋、楷体、黑体）</source>
            <translation>Fonts shipped with Windows (FangSong, KaiTi, SimHei)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="97" />
            <source>公文标准字体（仿宋_GB2312、方正小标宋简体）</source>
            <translation>Standard official fonts (FangSong_GB2312, FZXiaoBiaoSong)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="101" />
            <source>二、三级标题加粗</source>
            <translation>Bold level 2 and 3 headings</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="104" />
            <source>格式：</source>
            <translation>Format:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="105" />
            <source>单位模板：</source>
            <translation>Office template:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="106" />
            <source>字体名称：</source>
            <translation>Font names:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="112" />
            <source>导出…</source>
            <translation>Export…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="115" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="131" />
            <source>选择单位模板</source>
            <translation>Choose office template</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="35" />
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="133" />
            <source>Word 文档 (*.docx)</source>
            <translation>Word documents (*.docx)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="36" />
            <source>Markdown (*.md)</source>
            <translation>Markdown (*.md)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="37" />
            <source>纯文本 (*.txt)</source>
            <translation>Plain text (*.txt)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="159" />
            <source>导出(&amp;E)…</source>
            <extracomment>An export finished (result) — tests and the status bar listen. An export failed (exception).</extracomment>
            <translation>&amp;Export…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="164" />
            <source>导出为 Word 公文（.docx）、Markdown 或纯文本</source>
            <translation>Export as an official Word document (.docx), Markdown or plain text</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="184" />
            <source>未命名报告</source>
            <extracomment>Ask before opening the result (False in tests). The report's own .md file ("" while unsaved): named in the suggestion, never overwritten by an export (the window sets it). Opens 填写要素 when the writer would rather fill the slots first (the window sets it).</extracomment>
            <translation>Untitled report</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="235" />
            <source>导出到</source>
            <translation>Export to</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="263" />
            <source>正在导出 {0}…</source>
            <translation>Exporting {0}…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="277" />
            <source>报告没有标题：导出的文件没有公文标题，请在第一行输入标题后再导出。</source>
            <translation>The report has no title: the exported file has no document title. Type the title on the first line and export again.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="281" />
            <source>已导出：{0}</source>
            <translation>Exported: {0}</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="286" />
            <source>导出完成</source>
            <translation>Export finished</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="288" />
            <source>已导出到：
{0}</source>
            <translation>Exported to:
{0}</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="290" />
            <source>该文件使用字体：{0}</source>
            <translation>Fonts used by the file: {0}</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="296" />
            <source>请注意：</source>
            <translation>Please note:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="301" />
            <source>打开文件</source>
            <translation>Open file</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="304" />
            <source>打开所在文件夹</source>
            <translation>Open folder</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="308" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="318" />
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="340" />
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="350" />
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="354" />
            <source>导出失败</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="327" />
            <source>模板无法使用</source>
            <translation>Template cannot be used</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="330" />
            <source>改用默认公文版式导出吗？</source>
            <translation>Export with the default official layout instead?</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="343" />
            <source>改存为 {0} 吗？</source>
            <translation>Save as {0} instead?</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="355" />
            <source>导出时出错：{0}
报告没有受影响。</source>
            <translation>Export error: {0}
The report was not affected.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="89" />
            <source>自动（本机有公文标准字体时用标准字体名）</source>
            <translation>Automatic (standard font names when this computer has them)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="199" />
            <source>报告中还有 {0} 处要素没有填写。仍要导出吗？</source>
            <translation>{0} slots of the report are still unfilled. Export anyway?</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="205" />
            <source>仍要导出</source>
            <translation>Export anyway</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/export_action.py" line="208" />
            <source>先填写</source>
            <translation>Fill them first</translation>
        </message>
    </context>
    <context>
        <name>Files</name>
        <message>
            <location filename="../../eduwriter/gui/files.py" line="60" />
            <source>打开报告</source>
            <translation>Open report</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/files.py" line="62" />
            <source>报告 (*.md *.markdown);;所有文件 (*)</source>
            <translation>Reports (*.md *.markdown);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/files.py" line="74" />
            <source>无法打开报告</source>
            <translation>Cannot open report</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/files.py" line="75" />
            <source>无法打开 {0}：
{1}</source>
            <translation>Cannot open {0}:
{1}</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/files.py" line="99" />
            <source>另存为</source>
            <translation>Save as</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/files.py" line="101" />
            <source>报告 (*.md)</source>
            <translation>Reports (*.md)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/files.py" line="114" />
            <source>保存失败</source>
            <translation>Save failed</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/files.py" line="115" />
            <source>无法保存到 {0}：
{1}

报告仍在窗口中，没有丢失。请换一个位置另存。</source>
            <translation>Cannot save to {0}:
{1}

The report is still in the window and nothing was lost. Please save it somewhere else.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/files.py" line="138" />
            <source>保存更改？</source>
            <translation>Save changes?</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/files.py" line="140" />
            <source>“{0}”有未保存的更改。是否保存？</source>
            <translation>"{0}" has unsaved changes. Save them?</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/files.py" line="145" />
            <source>保存</source>
            <translation>Save</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/files.py" line="148" />
            <source>不保存</source>
            <translation>Don't save</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/files.py" line="151" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/files.py" line="161" />
            <source>未命名报告</source>
            <translation>Untitled report</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <location filename="../../eduwriter/gui/panes/find_bar.py" line="29" />
            <source>查找</source>
            <translation>Find</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/find_bar.py" line="32" />
            <source>替换为</source>
            <translation>Replace with</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/find_bar.py" line="33" />
            <source>上一个</source>
            <translation>Previous</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/find_bar.py" line="34" />
            <source>下一个</source>
            <translation>Next</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/find_bar.py" line="35" />
            <location filename="../../eduwriter/gui/panes/find_bar.py" line="140" />
            <source>替换</source>
            <translation>Replace</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/find_bar.py" line="36" />
            <location filename="../../eduwriter/gui/panes/find_bar.py" line="159" />
            <source>全部替换</source>
            <translation>Replace all</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/find_bar.py" line="41" />
            <source>关闭 (Esc)</source>
            <translation>Close (Esc)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/find_bar.py" line="104" />
            <source>没有找到</source>
            <translation>Not found</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/find_bar.py" line="110" />
            <source>共 {0} 处</source>
            <translation>{0} found</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/find_bar.py" line="165" />
            <source>已替换 {0} 处</source>
            <translation>{0} replaced</translation>
        </message>
    </context>
    <context>
        <name>FolderChoiceDialog</name>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="181" />
            <source>移动到文件夹</source>
            <translation>Move to folder</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="186" />
            <source>移动</source>
            <translation>Move</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="187" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="191" />
            <source>移动到：</source>
            <translation>Move to:</translation>
        </message>
    </context>
    <context>
        <name>FolderPicker</name>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="73" />
            <source>新建文件夹…</source>
            <translation>New folder…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="83" />
            <source>（未分类）</source>
            <translation>(Unfiled)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="96" />
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="105" />
            <source>新建文件夹</source>
            <translation>New folder</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="96" />
            <source>文件夹名称：</source>
            <translation>Folder name:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="106" />
            <source>无法新建文件夹：%1</source>
            <translation>Cannot create the folder: %1</translation>
        </message>
    </context>
    <context>
        <name>FontCheck</name>
        <message>
            <location filename="../../eduwriter/gui/dialogs/font_check.py" line="84" />
            <source>Windows 自带“仿宋”字体：请在“设置 → 个性化 → 字体”中确认它没有被删除或隐藏；也可以安装单位统一使用的“仿宋_GB2312”字体。</source>
            <translation>Windows ships the FangSong font: check in Settings → Personalization → Fonts that it is not removed or hidden; or install the FangSong_GB2312 font your office uses.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/font_check.py" line="89" />
            <source>macOS 自带“华文仿宋”（STFangsong）：请在“字体册”中启用它。</source>
            <translation>macOS ships STFangsong: enable it in Font Book.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/font_check.py" line="93" />
            <source>Linux 上请安装中文字体，例如：sudo apt install fonts-noto-cjk（Noto Serif CJK 与仿宋相近），或安装单位统一使用的“仿宋_GB2312”字体。</source>
            <translation>On Linux install a Chinese font, e.g. sudo apt install fonts-noto-cjk (Noto Serif CJK is close to FangSong), or the FangSong_GB2312 font your office uses.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/font_check.py" line="97" />
            <source>本机没有找到仿宋类字体，编辑区的正文暂时用其他字体显示。</source>
            <translation>No FangSong-like font was found on this computer; body text in the editor is shown in another font for now.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/font_check.py" line="100" />
            <source>导出的 DOCX 仍按公文格式写入正确的字体名称（仿宋_GB2312 / 仿宋），在装有这些字体的电脑上打开时显示正常。</source>
            <translation>Exported DOCX files still name the right fonts (FangSong_GB2312 / FangSong) and look correct on computers that have them.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/font_check.py" line="140" />
            <source>缺少仿宋字体</source>
            <translation>FangSong font missing</translation>
        </message>
    </context>
    <context>
        <name>ImportDialog</name>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="106" />
            <source>导入范文</source>
            <extracomment>File types the importer reads.</extracomment>
            <translation>Import sample texts</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="122" />
            <source>文件</source>
            <translation>File</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="122" />
            <source>问题</source>
            <translation>Problem</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="128" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="129" />
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="152" />
            <source>没有可导入的文件（支持 .txt、.docx、.md、.html）。</source>
            <translation>Nothing to import (supported: .txt, .docx, .md, .html).</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="156" />
            <source>正在导入 %1 个文件…</source>
            <translation>Importing %1 file(s)…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="173" />
            <source>正在取消…（已导入的文件会保留）</source>
            <translation>Cancelling… (files already imported are kept)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="196" />
            <source>正在导入（%1/%2）：%3
剩余时间：%4</source>
            <translation>Importing (%1/%2): %3
Time left: %4</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="193" />
            <source>剩余</source>
            <translation>left</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="203" />
            <source>正在导入：%1</source>
            <translation>Importing: %1</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="216" />
            <source>导入已取消。</source>
            <translation>Import cancelled.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="217" />
            <source>成功导入 %1 个文件</source>
            <translation>Imported %1 file(s)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="219" />
            <source>，素材库现有 %1 条</source>
            <translation>; the library now holds %1 items</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="221" />
            <source>（增加 %1 条）</source>
            <translation> (%1 added)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="224" />
            <source>。</source>
            <translation>.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="226" />
            <source>%1 个文件未能导入：</source>
            <translation>%1 file(s) could not be imported:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/import_dialog.py" line="244" />
            <source>导入失败，资料库未改动：%1</source>
            <translation>Import failed; the library was not changed: %1</translation>
        </message>
        <message>
            <source>正在导入（%1/%2）：%3</source>
            <translation>Importing (%1/%2): %3</translation>
        </message>
    </context>
    <context>
        <name>LibraryModel</name>
        <message>
            <location filename="../../eduwriter/gui/models/library_model.py" line="262" />
            <source>第 %1 篇</source>
            <translation>text %1</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_model.py" line="429" />
            <source>%1（%2）</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="58" />
            <location filename="../../eduwriter/gui/models/library_items.py" line="87" />
            <source>结构骨架</source>
            <extracomment>A library item: the store's ``Item`` or its JSON form (packs, drag payloads). Custom data roles. Top nodes whose count comes from ``store.count(kind)``; 收藏 is counted when opened. Genre groups in the order the library lists them: every code the importer produces. Domains shown in the tree by default (the writer's own field and general government work); items of any other domain are gathered under 其他领域 at the end of their top node.</extracomment>
            <translation>Skeletons</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="59" />
            <location filename="../../eduwriter/gui/models/library_items.py" line="88" />
            <source>常用语句</source>
            <translation>Phrasings</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="60" />
            <location filename="../../eduwriter/gui/models/library_items.py" line="89" />
            <source>范文</source>
            <translation>Sample texts</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="61" />
            <location filename="../../eduwriter/gui/models/library_items.py" line="91" />
            <source>我的素材</source>
            <translation>My snippets</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="62" />
            <source>收藏</source>
            <translation>Favourites</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="70" />
            <source>工作计划</source>
            <translation>Work plans</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="72" />
            <source>工作总结</source>
            <translation>Work summaries</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="73" />
            <source>讲话稿</source>
            <translation>Speeches</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="80" />
            <source>其他文稿</source>
            <translation>Other texts</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="71" />
            <source>实施方案</source>
            <translation>Implementation schemes</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="74" />
            <source>典型材料</source>
            <translation>Exemplary materials</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="75" />
            <source>通知</source>
            <translation>Notices</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="76" />
            <source>报告</source>
            <translation>Reports</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="77" />
            <source>请示</source>
            <translation>Requests for instructions</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="78" />
            <source>函</source>
            <translation>Letters</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="79" />
            <source>决定</source>
            <translation>Decisions</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="81" />
            <source>未分类</source>
            <translation>Unfiled</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_nodes.py" line="75" />
            <source>其他领域</source>
            <translation>Other fields</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="90" />
            <source>范文段落</source>
            <translation>Sample sections</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_model.py" line="167" />
            <source>无法读取：%1</source>
            <translation>Cannot read: %1</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_model.py" line="218" />
            <location filename="../../eduwriter/gui/models/library_model.py" line="239" />
            <source>其他</source>
            <translation>Other</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_model.py" line="254" />
            <source>（未知文件）</source>
            <translation>(unknown file)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/models/library_items.py" line="63" />
            <source>单位素材库</source>
            <translation>Unit library</translation>
        </message>
        <message>
            <source>%1 部分</source>
            <translation>%1 parts</translation>
        </message>
        <message>
            <source>通用骨架（%1 篇综合）</source>
            <translation>general skeleton (from %1 texts)</translation>
        </message>
        <message>
            <source>通用骨架（按通用结构）</source>
            <translation>general skeleton (standard outline)</translation>
        </message>
        <message>
            <source>（空）</source>
            <translation>(empty)</translation>
        </message>
        <message>
            <source>［单位］</source>
            <translation>[unit] </translation>
        </message>
    </context>
    <context>
        <name>LibraryPane</name>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="88" />
            <source>搜索素材：汉字或拼音（如 zdsx）</source>
            <extracomment>emitted after each finished search: (query, number of results shown) emitted when the library changed (import, snippet edits)</extracomment>
            <translation>Search the library: Chinese or pinyin (e.g. zdsx)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="92" />
            <source>全部</source>
            <translation>All</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="93" />
            <source>骨架</source>
            <translation>Skeletons</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="94" />
            <source>语句</source>
            <translation>Phrasings</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="95" />
            <source>范文</source>
            <translation>Sample texts</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="96" />
            <source>我的</source>
            <translation>Mine</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="99" />
            <source>只搜索某一类素材</source>
            <translation>Search only one kind of item</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="147" />
            <source>选中一条素材，在此预览；双击或按回车插入。</source>
            <translation>Select an item to preview it here; double-click or press Enter to insert.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="254" />
            <source>导入范文</source>
            <translation>Import sample texts</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="256" />
            <source>范文文件 (%1);;所有文件 (*)</source>
            <translation>Sample files (%1);;All files (*)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="264" />
            <source>导入范文文件夹</source>
            <translation>Import a folder of sample texts</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="323" />
            <source>正在搜索…</source>
            <translation>Searching…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="337" />
            <source>搜索出错：%1</source>
            <translation>Search error: %1</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="339" />
            <source>没有找到“%1”</source>
            <translation>Nothing found for "%1"</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="342" />
            <source>找到 %1 条以上，显示前 %1 条</source>
            <translation>More than %1 found, showing the first %1</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="345" />
            <source>找到 %1 条</source>
            <translation>%1 found</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="367" />
            <source>共 %1 条素材；输入汉字或拼音搜索</source>
            <translation>%1 items; type Chinese or pinyin to search</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="440" />
            <source>插入</source>
            <translation>Insert</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="443" />
            <source>取消收藏</source>
            <translation>Remove from favourites</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="443" />
            <source>收藏</source>
            <translation>Add to favourites</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="451" />
            <source>重命名…</source>
            <translation>Rename…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="452" />
            <source>编辑…</source>
            <translation>Edit…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="453" />
            <source>移动到…</source>
            <translation>Move to…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="454" />
            <source>删除…</source>
            <translation>Delete…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="456" />
            <source>加入我的素材…</source>
            <translation>Add to My snippets…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="458" />
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="464" />
            <source>新建文件夹…</source>
            <translation>New folder…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="460" />
            <source>重命名文件夹…</source>
            <translation>Rename folder…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="461" />
            <source>删除文件夹…</source>
            <translation>Delete folder…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="468" />
            <source>刷新</source>
            <translation>Refresh</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="96" />
            <source>重命名素材</source>
            <translation>Rename item</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="97" />
            <source>标题：</source>
            <translation>Title:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="130" />
            <source>删除素材</source>
            <translation>Delete item</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="131" />
            <source>确定删除“%1”吗？此操作不能撤销。</source>
            <translation>Delete "%1"? This cannot be undone.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="142" />
            <source>新建文件夹</source>
            <translation>New folder</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="143" />
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="167" />
            <source>文件夹名称：</source>
            <translation>Folder name:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="166" />
            <source>重命名文件夹</source>
            <translation>Rename folder</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="190" />
            <source>删除文件夹</source>
            <translation>Delete folder</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="191" />
            <source>确定删除文件夹“%1”吗？其中的素材会移到“未分类”。</source>
            <translation>Delete the folder "%1"? Its items move to "Unfiled".</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="244" />
            <source>素材库</source>
            <translation>Library</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="245" />
            <source>操作未完成：%1</source>
            <translation>Not done: %1</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="259" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="260" />
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="269" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/snippet_flows.py" line="266" />
            <source>删除</source>
            <translation>Delete</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/item_html.py" line="167" />
            <source>已收藏</source>
            <translation>Favourite</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/item_html.py" line="173" />
            <source>用过 %1 次</source>
            <translation>Used %1 time(s)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/item_html.py" line="193" />
            <source>等 %1 处</source>
            <translation>and %1 more</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/item_html.py" line="246" />
            <source>%1 篇</source>
            <translation>%1 document(s)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/item_html.py" line="254" />
            <source>，</source>
            <translation>, </translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/item_html.py" line="255" />
            <source>（%1）</source>
            <translation>(%1)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/library_pane.py" line="448" />
            <source>复制到我的素材并编辑…</source>
            <translation>Copy to My snippets and edit…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/item_html.py" line="129" />
            <source>条目 %1</source>
            <translation>item %1</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/item_html.py" line="133" />
            <source>第 %1 版</source>
            <translation>version %1</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/item_html.py" line="139" />
            <source>由 %1 修改</source>
            <translation>changed by %1</translation>
        </message>
        <message>
            <source>……（双击插入全文）</source>
            <translation>… (double-click to insert the full text)</translation>
        </message>
        <message>
            <source>出自：</source>
            <translation>From: </translation>
        </message>
        <message>
            <source>单位素材库（只读）</source>
            <translation>Unit library (read-only)</translation>
        </message>
        <message>
            <source>复制自单位素材库</source>
            <translation>Copied from the unit library</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="71" />
            <source>正文编辑区</source>
            <extracomment>Emitted once the window has been shown and its event loop runs (benchmarks, app.py).</extracomment>
            <translation>Report editor</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="83" />
            <location filename="../../eduwriter/gui/main_window.py" line="85" />
            <location filename="../../eduwriter/gui/window_actions.py" line="309" />
            <source>大纲</source>
            <translation>Outline</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="89" />
            <source>正在打开素材库…</source>
            <translation>Opening the library…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="94" />
            <location filename="../../eduwriter/gui/main_window.py" line="258" />
            <location filename="../../eduwriter/gui/window_actions.py" line="307" />
            <source>素材库</source>
            <translation>Library</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="53" />
            <source>新建(&amp;N)</source>
            <translation>&amp;New</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="57" />
            <source>新建报告</source>
            <translation>New report</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="62" />
            <source>打开(&amp;O)…</source>
            <translation>&amp;Open…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="66" />
            <source>打开报告 (.md)</source>
            <translation>Open a report (.md)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="71" />
            <source>保存(&amp;S)</source>
            <translation>&amp;Save</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="75" />
            <source>保存报告</source>
            <translation>Save the report</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="80" />
            <source>另存为(&amp;A)…</source>
            <translation>Save &amp;As…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="87" />
            <source>导入范文(&amp;I)…</source>
            <translation>&amp;Import sample texts…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="91" />
            <source>导入 .txt/.docx/.md/.html 范文到素材库</source>
            <translation>Import .txt/.docx/.md/.html sample texts into the library</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="95" />
            <source>导入素材包…</source>
            <translation>Import library pack…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="99" />
            <source>导入同事分享的素材包（.ewlib）</source>
            <translation>Import a library pack (.ewlib) shared by a colleague</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="104" />
            <source>导出我的素材…</source>
            <translation>Export My snippets…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="108" />
            <source>把“我的素材”存成素材包（.ewlib）分享给同事</source>
            <translation>Save My snippets as a library pack (.ewlib) to share with colleagues</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="112" />
            <source>导入文件夹…</source>
            <translation>Import folder…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="115" />
            <source>退出(&amp;Q)</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="448" />
            <location filename="../../eduwriter/gui/window_actions.py" line="120" />
            <source>撤销</source>
            <translation>Undo</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="453" />
            <location filename="../../eduwriter/gui/window_actions.py" line="121" />
            <source>重做</source>
            <translation>Redo</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="131" />
            <source>剪切</source>
            <translation>Cut</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="132" />
            <source>复制</source>
            <translation>Copy</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="133" />
            <source>粘贴</source>
            <translation>Paste</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="139" />
            <source>查找…</source>
            <translation>Find…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="146" />
            <source>替换…</source>
            <translation>Replace…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="153" />
            <source>加入我的素材…</source>
            <translation>Add to My snippets…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="157" />
            <source>把选中的文字存入“我的素材”</source>
            <translation>Save the selected text to My snippets</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="161" />
            <source>填写要素(&amp;F)…</source>
            <translation>&amp;Fill in slots…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="165" />
            <source>一次填写报告中的所有【要素】</source>
            <translation>Fill in every 【slot】 of the report at once</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="170" />
            <source>主送、附件与落款…</source>
            <translation>Recipients, attachments and signature…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="174" />
            <source>主送机关、附件说明、署名和成文日期</source>
            <translation>Recipients, attachment list, issuing office and date</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="179" />
            <source>插入选中素材</source>
            <translation>Insert selected item</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="183" />
            <source>把素材库中选中的条目插入到光标处</source>
            <translation>Insert the item selected in the library at the cursor</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="187" />
            <source>正文</source>
            <translation>Body text</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="188" />
            <source>一级标题 一、</source>
            <translation>Heading 1 一、</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="189" />
            <source>二级标题 （一）</source>
            <translation>Heading 2 （一）</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="190" />
            <source>三级标题 1.</source>
            <translation>Heading 3 1.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="191" />
            <source>四级标题 （1）</source>
            <translation>Heading 4 （1）</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="192" />
            <source>文档标题</source>
            <translation>Document title</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="197" />
            <source>升级 (Shift+Tab)</source>
            <translation>Promote (Shift+Tab)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="201" />
            <source>标题升一级（Shift+Tab）</source>
            <translation>Promote the heading one level (Shift+Tab)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="206" />
            <source>降级 (Tab)</source>
            <translation>Demote (Tab)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="210" />
            <source>标题降一级（Tab）</source>
            <translation>Demote the heading one level (Tab)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="215" />
            <source>章节上移 (Alt+↑)</source>
            <translation>Move section up (Alt+↑)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="219" />
            <source>把当前章节连同下级内容上移（Alt+↑）</source>
            <translation>Move the current section with everything under it up (Alt+↑)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="224" />
            <source>章节下移 (Alt+↓)</source>
            <translation>Move section down (Alt+↓)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="228" />
            <source>把当前章节连同下级内容下移（Alt+↓）</source>
            <translation>Move the current section with everything under it down (Alt+↓)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="233" />
            <source>公文预览…</source>
            <translation>Document preview…</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="237" />
            <source>按导出的公文版式预览，包括主送机关和落款</source>
            <translation>Preview in the exported official layout, with recipients and signature</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="240" />
            <source>输入时提示语句</source>
            <translation>Suggest phrasings while typing</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="379" />
            <location filename="../../eduwriter/gui/window_actions.py" line="246" />
            <source>快捷键一览</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="252" />
            <source>关于 EduWriter</source>
            <translation>About EduWriter</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="268" />
            <source>文件(&amp;F)</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="270" />
            <source>最近打开</source>
            <translation>Open recent</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="283" />
            <source>编辑(&amp;E)</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="292" />
            <source>插入(&amp;I)</source>
            <translation>&amp;Insert</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="297" />
            <source>格式(&amp;O)</source>
            <translation>F&amp;ormat</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/check_pane.py" line="434" />
            <location filename="../../eduwriter/gui/window_actions.py" line="305" />
            <source>视图(&amp;V)</source>
            <extracomment>Front-matter fields a one-click fix may change (the finding's ``part``). New findings are shown (tests and the status bar listen): (errors, suggestions). Asks whether to export with errors left; replaced in tests. Opens a file in the system's editor; replaced in tests.</extracomment>
            <translation>&amp;View</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="405" />
            <location filename="../../eduwriter/gui/window_actions.py" line="315" />
            <source>界面语言</source>
            <translation>Interface language</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="318" />
            <source>帮助(&amp;H)</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="326" />
            <source>工具栏</source>
            <translation>Toolbar</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="334" />
            <source>升级</source>
            <translation>Promote</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="335" />
            <source>降级</source>
            <translation>Demote</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="336" />
            <source>上移</source>
            <translation>Up</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="337" />
            <source>下移</source>
            <translation>Down</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="254" />
            <source>素材库无法打开：{0}</source>
            <translation>The library cannot be opened: {0}</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="259" />
            <source>素材库无法打开：{0}

仍可编辑和保存报告。</source>
            <translation>The library cannot be opened: {0}

You can still edit and save the report.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="271" />
            <source>已恢复自动保存的报告，请记得保存。</source>
            <translation>The autosaved report was restored; remember to save it.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="284" />
            <source>正在建立素材库 %v/%m</source>
            <translation>Building the library %v/%m</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="297" />
            <source>请先选中要加入“我的素材”的文字。</source>
            <translation>First select the text to add to My snippets.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="247" />
            <source>素材库还没有打开，请稍候。</source>
            <translation>The library is not open yet, please wait.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="331" />
            <location filename="../../eduwriter/gui/window_actions.py" line="376" />
            <source>填写要素</source>
            <translation>Fill in slots</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="332" />
            <source>报告中没有待填写的【要素】。</source>
            <translation>The report has no 【slots】 to fill in.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="360" />
            <source>标题降一级 / 升一级（编号自动更新）</source>
            <translation>Demote / promote a heading (numbers update)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="362" />
            <source>章节连同下级内容上移 / 下移</source>
            <translation>Move a section with everything under it up / down</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="365" />
            <source>设为一级…四级标题（一、 （一） 1. （1））</source>
            <translation>Make a heading of level 1…4 (一、 （一） 1. （1）)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="369" />
            <source>设为正文 / 文档标题</source>
            <translation>Make body text / the document title</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="371" />
            <source>插入素材库中选中的条目</source>
            <translation>Insert the item selected in the library</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="373" />
            <source>Tab 或 Enter / Esc</source>
            <translation>Tab or Enter / Esc</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="374" />
            <source>接受 / 关闭输入提示</source>
            <translation>Accept / close the suggestions</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="379" />
            <source>查找 / 替换</source>
            <translation>Find / replace</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="381" />
            <source>公文预览</source>
            <translation>Document preview</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="382" />
            <source>导出</source>
            <translation>Export</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="385" />
            <source>撤销 / 重做（包括插入和移动章节）</source>
            <translation>Undo / redo (inserts and section moves too)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/window_actions.py" line="389" />
            <source>保存（每 30 秒另有自动保存）</source>
            <translation>Save (an autosave also runs every 30 s)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="407" />
            <source>界面语言已更改，重新启动 EduWriter 后全部生效。现在重新启动吗？</source>
            <translation>The interface language was changed; it applies everywhere after EduWriter restarts. Restart now?</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="412" />
            <source>立即重新启动</source>
            <translation>Restart now</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="416" />
            <source>稍后</source>
            <translation>Later</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="554" />
            <source>正在导入</source>
            <translation>Importing</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="555" />
            <source>范文还在导入中。现在退出会取消导入（已导入的保留）。确定退出吗？</source>
            <translation>Sample texts are still being imported. Quitting now cancels the import (files already imported are kept). Quit anyway?</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="472" />
            <source>字数：{0}</source>
            <translation>Characters: {0}</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="476" />
            <source>（选中 {0}）</source>
            <translation> ({0} selected)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="480" />
            <source>待填要素：{0}</source>
            <translation>Unfilled slots: {0}</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/main_window.py" line="487" />
            <source>教育公文写作助手</source>
            <translation>Education document writer</translation>
        </message>
        <message>
            <source>素材库还没有打开，请稍候再导入。</source>
            <translation>The library is not open yet; please import again in a moment.</translation>
        </message>
    </context>
    <context>
        <name>MetaDialog</name>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="43" />
            <source>主送、附件与落款</source>
            <translation>Recipients, attachments and signature</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="48" />
            <source>如：各区（县）教育局，局属各学校</source>
            <translation>e.g. 各区（县）教育局，局属各学校</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="52" />
            <source>每行一个附件名称，如：2026年工作任务分解表</source>
            <translation>One attachment name per line, e.g. 2026年工作任务分解表</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="56" />
            <source>如：XX市教育局</source>
            <translation>e.g. XX市教育局</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="59" />
            <source>今天</source>
            <translation>Today</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="65" />
            <source>留空的项目不出现在导出的公文中。导出时按公文格式自动排版。</source>
            <translation>Empty fields are left out of the exported document; the rest is laid out in the official format on export.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="115" />
            <source>主送机关：</source>
            <translation>Recipients:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="116" />
            <source>附件：</source>
            <translation>Attachments:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="117" />
            <source>署名：</source>
            <translation>Issued by:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="118" />
            <source>成文日期：</source>
            <translation>Date:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="129" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="132" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="73" />
            <source>加盖印章（署名居中压在日期之上，日期右空四字）</source>
            <translation>Sealed (signer centred above the date, date four characters from the right)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="81" />
            <source>如：X教〔2026〕5号</source>
            <translation>e.g. X教〔2026〕5号</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="89" />
            <source>上行文填写，如：张三</source>
            <translation>For reports to a higher office, e.g. Zhang San</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="93" />
            <source>如：秘密★1年（不涉密留空）</source>
            <translation>e.g. 秘密★1年 (leave empty if not classified)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="101" />
            <source>如：市政府办公室，市财政局</source>
            <translation>e.g. city government office, finance bureau</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="105" />
            <source>如：XX市教育局办公室</source>
            <translation>e.g. office of the XX education bureau</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="110" />
            <source>发文字号：</source>
            <translation>Document number:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="112" />
            <source>签发人：</source>
            <translation>Issued by:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="113" />
            <source>密级：</source>
            <translation>Classification:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="114" />
            <source>紧急程度：</source>
            <translation>Urgency:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="120" />
            <source>抄送：</source>
            <translation>Copy to:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="121" />
            <source>印发机关：</source>
            <translation>Printed by:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/meta_dialog.py" line="122" />
            <source>印发日期：</source>
            <translation>Printing date:</translation>
        </message>
    </context>
    <context>
        <name>OutlineView</name>
        <message>
            <location filename="../../eduwriter/gui/panes/outline_view.py" line="187" />
            <source>章节上移 (Alt+↑)</source>
            <extracomment>The writer picked a heading: go there in the composer. While dragging: what a drop here would do ("" when the drag left or ended).</extracomment>
            <translation>Move section up (Alt+↑)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/outline_view.py" line="191" />
            <source>章节下移 (Alt+↓)</source>
            <translation>Move section down (Alt+↓)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/outline_view.py" line="196" />
            <source>升级</source>
            <translation>Promote</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/outline_view.py" line="200" />
            <source>降级</source>
            <translation>Demote</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/outline_view.py" line="205" />
            <source>删除章节</source>
            <translation>Delete section</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/outline_view.py" line="281" />
            <source>放在“{0}”之前，成为同级章节</source>
            <translation>Move before “{0}”, at the same level</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/outline_view.py" line="283" />
            <source>放在“{0}”之后，成为同级章节</source>
            <translation>Move after “{0}”, at the same level</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/outline_view.py" line="284" />
            <source>放进“{0}”，成为它的下级（最后一个小节）</source>
            <translation>Move into “{0}” as its last sub-section</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/outline_view.py" line="352" />
            <source>成为下级</source>
            <translation>sub-section</translation>
        </message>
        <message>
            <source>（无标题）</source>
            <translation>(untitled)</translation>
        </message>
    </context>
    <context>
        <name>Packs</name>
        <message>
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="44" />
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="62" />
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="77" />
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="90" />
            <source>导入素材包</source>
            <extracomment>A pack was merged: (path, MergeReport).</extracomment>
            <translation>Import library pack</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="46" />
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="135" />
            <source>素材包 (*.ewlib)</source>
            <translation>Library packs (*.ewlib)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="63" />
            <source>把素材包“{0}”导入素材库吗？
同样的素材不会重复导入。</source>
            <translation>Import the library pack "{0}" into your library?
Items you already have are not added twice.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="78" />
            <source>无法导入“{0}”：{1}
素材库没有改动。</source>
            <translation>Cannot import "{0}": {1}
Your library was not changed.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="91" />
            <source>“{0}”已导入：新增 {1} 条，更新 {2} 条，已有 {3} 条，冲突 {4} 处。</source>
            <translation>"{0}" imported: {1} added, {2} updated, {3} already there, {4} conflict(s).</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="105" />
            <source>素材有两个版本</source>
            <translation>Two versions of an item</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="108" />
            <source>“{0}”在您的素材库和素材包中都改过。
本次导入中这样的素材都按下面的选择处理：</source>
            <translation>"{0}" was changed both in your library and in the pack.
All such items in this import are handled as you choose:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="114" />
            <source>保留我的</source>
            <translation>Keep mine</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="117" />
            <source>用素材包的</source>
            <translation>Take the pack's</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="120" />
            <source>两个都保留</source>
            <translation>Keep both</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="133" />
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="149" />
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="155" />
            <source>导出我的素材</source>
            <translation>Export My snippets</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="134" />
            <source>我的素材</source>
            <translation>My snippets</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="150" />
            <source>无法导出：{0}</source>
            <translation>Cannot export: {0}</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/packs.py" line="156" />
            <source>已把 {0} 条素材导出到：
{1}
可以发给同事，用 EduWriter 打开即可导入。</source>
            <translation>{0} item(s) exported to:
{1}
Send it to colleagues; opening it with EduWriter imports it.</translation>
        </message>
    </context>
    <context>
        <name>ReportDocument</name>
        <message>
            <location filename="../../eduwriter/gui/editor/report_model.py" line="172" />
            <location filename="../../eduwriter/gui/editor/report_model.py" line="574" />
            <source>输入</source>
            <extracomment>Where a run-in heading ends and its body begins: after the first sentence end. Headings were added, removed, moved or re-levelled (numbers may have changed). Any edit (debounce before doing heavy work). The "unsaved changes" state flipped. 主送机关 / 附件 / 署名 / 成文日期 changed. A structure command was refused; the argument says why (for the status bar).</extracomment>
            <translation>Typing</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/report_model.py" line="353" />
            <source>主送、附件与落款</source>
            <translation>Recipients, attachments and signature</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/report_model.py" line="379" />
            <source>设置级别</source>
            <translation>Set level</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/report_model.py" line="397" />
            <source>已是一级标题，不能再升级。</source>
            <translation>This is already a level-1 heading; it cannot be promoted.</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/report_model.py" line="402" />
            <source>不能降级：本节的下级标题会超过四级（（1））。</source>
            <translation>Cannot demote: a sub-heading of this section would go below level 4 ((1)).</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/report_model.py" line="408" />
            <source>降级</source>
            <translation>Demote</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/report_model.py" line="410" />
            <source>升级</source>
            <translation>Promote</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/report_model.py" line="473" />
            <source>移动章节</source>
            <translation>Move section</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/report_model.py" line="503" />
            <source>删除章节</source>
            <translation>Delete section</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/editor/slot_places.py" line="94" />
            <source>填写要素</source>
            <translation>Fill in slots</translation>
        </message>
    </context>
    <context>
        <name>ResultsModel</name>
        <message>
            <location filename="../../eduwriter/gui/models/results_model.py" line="72" />
            <source>%1骨架</source>
            <translation>%1 skeleton</translation>
        </message>
    </context>
    <context>
        <name>SearchChips</name>
        <message>
            <location filename="../../eduwriter/gui/panes/search_chips.py" line="54" />
            <source>功能</source>
            <translation>function</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/search_chips.py" line="54" />
            <source>文种</source>
            <translation>genre</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/search_chips.py" line="54" />
            <source>类别</source>
            <translation>kind</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/search_chips.py" line="61" />
            <source>按%1“%2”筛选，点击取消</source>
            <translation>Filtered by %1 “%2”; click to remove</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/panes/search_chips.py" line="78" />
            <source>您是不是要找：</source>
            <translation>Did you mean:</translation>
        </message>
    </context>
    <context>
        <name>SnippetDialog</name>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="128" />
            <source>编辑素材</source>
            <translation>Edit item</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="128" />
            <source>加入我的素材</source>
            <translation>Add to My snippets</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="131" />
            <source>可选，留空则取正文开头</source>
            <translation>Optional; the start of the text is used when empty</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="134" />
            <source>素材内容，可用【年份】【单位】等表示待填要素</source>
            <translation>The snippet; use 【年份】, 【单位】… for slots to fill in</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="137" />
            <source>如：德育，安全（用逗号或空格分隔）</source>
            <translation>e.g. moral education, safety (separated by commas or spaces)</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="143" />
            <source>标题：</source>
            <translation>Title:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="144" />
            <source>内容：</source>
            <translation>Text:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="145" />
            <source>文件夹：</source>
            <translation>Folder:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="146" />
            <source>标签：</source>
            <translation>Tags:</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="150" />
            <source>确定</source>
            <translation>OK</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="151" />
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <location filename="../../eduwriter/gui/dialogs/snippet_dialogs.py" line="170" />
            <source>内容不能为空。</source>
            <translation>The text cannot be empty.</translation>
        </message>
    </context>
    <context>
        <name>PhrasingCategory</name>
        <message>
            <source>常用词组</source>
            <translation>Common phrases</translation>
        </message>
        <message>
            <source>开头</source>
            <translation>Opening</translation>
        </message>
        <message>
            <source>成效</source>
            <translation>Results</translation>
        </message>
        <message>
            <source>打算</source>
            <translation>Next steps</translation>
        </message>
        <message>
            <source>措施</source>
            <translation>Measures</translation>
        </message>
        <message>
            <source>标题</source>
            <translation>Heading</translation>
        </message>
        <message>
            <source>结尾</source>
            <translation>Closing</translation>
        </message>
        <message>
            <source>过渡</source>
            <translation>Transition</translation>
        </message>
        <message>
            <source>问题</source>
            <translation>Problems</translation>
        </message>
    </context>
    <context>
        <name>Preview</name>
        <message>
            <source>{0}（本机没有，以 {1} 代替）</source>
            <translation>{0} (not installed, shown in {1})</translation>
        </message>
        <message>
            <source>上一页</source>
            <translation>Previous page</translation>
        </message>
        <message>
            <source>下一页</source>
            <translation>Next page</translation>
        </message>
        <message>
            <source>公文预览</source>
            <translation>Document preview</translation>
        </message>
        <message>
            <source>关闭</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>字体：</source>
            <translation>Fonts: </translation>
        </message>
        <message>
            <source>放大（Ctrl+=）</source>
            <translation>Zoom in (Ctrl+=)</translation>
        </message>
        <message>
            <source>第 {0} / {1} 页</source>
            <translation>Page {0} of {1}</translation>
        </message>
        <message>
            <source>缩小（Ctrl+-）</source>
            <translation>Zoom out (Ctrl+-)</translation>
        </message>
        <message>
            <source>；</source>
            <translation>; </translation>
        </message>
    </context>
    <context>
        <name>SlotsDialog</name>
        <message>
            <source>取消</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>各处的【{0}】填同一内容（共 {1} 处）</source>
            <translation>Use one value for every 【{0}】 ({1} places)</translation>
        </message>
        <message>
            <source>填入报告</source>
            <translation>Fill in</translation>
        </message>
        <message>
            <source>填写要素</source>
            <translation>Fill in slots</translation>
        </message>
        <message>
            <source>如：{0}</source>
            <translation>e.g. {0}</translation>
        </message>
        <message>
            <source>报告中共有 {0} 个要素。填写后，同名要素在全文各处一并替换；留空的保持不变。</source>
            <translation>The report has {0} slot(s). A value replaces the slot everywhere in the report; empty fields leave the slot as it is.</translation>
        </message>
        <message>
            <source>报告中还有 {0} 处要素没有填写，按在文中的先后列出。留空的保持不变。</source>
            <translation>{0} slots are still unfilled, listed in the order they appear. Fields left empty stay as they are.</translation>
        </message>
        <message>
            <source>（{0} 处）</source>
            <translation> ({0} places)</translation>
        </message>
    </context>
    <context>
        <name>TeamPublish</name>
        <message>
            <source>·「%1」—— %2 改过，服务器上是第 %3 版</source>
            <translation>· '%1' — changed by %2, version %3 on the server</translation>
        </message>
        <message>
            <source>下面 %1 条别人已经改过，没有覆盖（你的文字仍在我的素材里）：</source>
            <translation>%1 item(s) below were changed by someone else and not overwritten (your text stays in My snippets):</translation>
        </message>
        <message>
            <source>全单位（各校都能看到）</source>
            <translation>The whole bureau (every school sees it)</translation>
        </message>
        <message>
            <source>发布</source>
            <translation>Publish</translation>
        </message>
        <message>
            <source>发布到共享素材库</source>
            <translation>Publish to the shared library</translation>
        </message>
        <message>
            <source>发布到：</source>
            <translation>Publish to:</translation>
        </message>
        <message>
            <source>发布的文件夹：</source>
            <translation>Folder to publish:</translation>
        </message>
        <message>
            <source>已发布：新增 %1 条，更新 %2 条，未变 %3 条。</source>
            <translation>Published: %1 added, %2 updated, %3 unchanged.</translation>
        </message>
        <message>
            <source>我的素材（全部）</source>
            <translation>My snippets (all)</translation>
        </message>
        <message>
            <source>服务器：%1</source>
            <translation>Server: %1</translation>
        </message>
        <message>
            <source>正在发布…</source>
            <translation>Publishing…</translation>
        </message>
        <message>
            <source>请先同步，比较后再发布。</source>
            <translation>Sync first, compare, then publish again.</translation>
        </message>
        <message>
            <source>（正在读取服务器上的单位…）</source>
            <translation>(reading the units from the server…)</translation>
        </message>
    </context>
    <context>
        <name>TeamSettings</name>
        <message>
            <source>不使用 TLS</source>
            <translation>No TLS</translation>
        </message>
        <message>
            <source>例如 10.20.1.5 或 jyj-server</source>
            <translation>e.g. 10.20.1.5 or jyj-server</translation>
        </message>
        <message>
            <source>共享素材库</source>
            <translation>Shared library</translation>
        </message>
        <message>
            <source>加密连接：</source>
            <translation>Encryption:</translation>
        </message>
        <message>
            <source>单位的共享素材库放在 PostgreSQL 服务器上，请向管理员要服务器地址和账号。</source>
            <translation>Your unit's shared library lives on a PostgreSQL server; ask the administrator for its address and your login.</translation>
        </message>
        <message>
            <source>密码保存在系统凭据库中，不写入设置文件。</source>
            <translation>The password is kept in the system credential store, never in the settings file.</translation>
        </message>
        <message>
            <source>密码：</source>
            <translation>Password:</translation>
        </message>
        <message>
            <source>已保存在系统凭据库中</source>
            <translation>Kept in the system credential store</translation>
        </message>
        <message>
            <source>必须使用 TLS</source>
            <translation>Require TLS</translation>
        </message>
        <message>
            <source>数据库：</source>
            <translation>Database:</translation>
        </message>
        <message>
            <source>服务器地址：</source>
            <translation>Server address:</translation>
        </message>
        <message>
            <source>服务器支持时使用 TLS（推荐）</source>
            <translation>TLS when the server offers it (recommended)</translation>
        </message>
        <message>
            <source>本机没有可用的系统凭据库，密码不会保存，只在本次运行中使用；也可以用 PGPASSWORD 或 .pgpass 文件。</source>
            <translation>No system credential store on this computer: the password is not saved and is used for this session only; PGPASSWORD or a .pgpass file also work.</translation>
        </message>
        <message>
            <source>本机没有可用的系统凭据库，密码没有保存，只在本次运行中使用。</source>
            <translation>No system credential store on this computer: the password was not saved and is used for this session only.</translation>
        </message>
        <message>
            <source>正在连接…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>测试连接</source>
            <translation>Test connection</translation>
        </message>
        <message>
            <source>用户名：</source>
            <translation>User name:</translation>
        </message>
        <message>
            <source>端口：</source>
            <translation>Port:</translation>
        </message>
    </context>
    <context>
        <name>TeamSync</name>
        <message>
            <source>共享素材库</source>
            <translation>Shared library</translation>
        </message>
        <message>
            <source>共享素材库(&amp;T)</source>
            <translation>&amp;Team</translation>
        </message>
        <message>
            <source>共享素材库…</source>
            <translation>Shared library…</translation>
        </message>
        <message>
            <source>单位素材库：同步出错</source>
            <translation>Unit library: sync failed</translation>
        </message>
        <message>
            <source>单位素材库：已同步 %1</source>
            <translation>Unit library: synced %1</translation>
        </message>
        <message>
            <source>单位素材库：无法登录（使用 %1 的缓存）</source>
            <translation>Unit library: cannot log in (using the copy of %1)</translation>
        </message>
        <message>
            <source>单位素材库：正在同步…</source>
            <translation>Unit library: syncing…</translation>
        </message>
        <message>
            <source>单位素材库：离线（使用 %1 的缓存）</source>
            <translation>Unit library: offline (using the copy of %1)</translation>
        </message>
        <message>
            <source>单位素材库：离线（还没有缓存）</source>
            <translation>Unit library: offline (no copy yet)</translation>
        </message>
        <message>
            <source>发布…</source>
            <translation>Publish…</translation>
        </message>
        <message>
            <source>立即同步</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <source>设置(&amp;S)</source>
            <translation>&amp;Settings</translation>
        </message>
        <message>
            <source>还没有设置共享素材库：请先在 设置 → 共享素材库 里填写服务器。</source>
            <translation>No shared library is set up yet: fill in the server under Settings → Shared library first.</translation>
        </message>
    </context>
</TS>