package output

import "qingdan/msg"

// What claim says when it refuses an output folder. Nothing was touched.
var (
	errOutputIs = msg.New("output.is",
		"输出文件夹 %s 就是%s %s：生成网站时会整个替换输出文件夹，它会被移走；什么也没有改动。请在 site.toml 中写 output = \"public\"，或用 -out 指定网站专用的文件夹",
		"the output folder %s is the %s %s: a build replaces the whole output folder and would move it away; nothing was changed. Write output = \"public\" in site.toml, or give -out a folder of the site's own")
	errOutputHolds = msg.New("output.holds",
		"输出文件夹 %s 包含%s %s：生成网站时会整个替换输出文件夹，它会被移走；什么也没有改动。请在 site.toml 中写 output = \"public\"，或用 -out 指定网站专用的文件夹",
		"the output folder %s holds the %s %s: a build replaces the whole output folder and would move it away; nothing was changed. Write output = \"public\" in site.toml, or give -out a folder of the site's own")
	errOutputInside = msg.New("output.inside",
		"输出文件夹 %s 在%s %s 里面：网站会混进不该公开的地方；什么也没有改动。请在 site.toml 中写 output = \"public\"，或用 -out 指定网站专用的文件夹",
		"the output folder %s lies inside the %s %s: the site would mix with what is not published; nothing was changed. Write output = \"public\" in site.toml, or give -out a folder of the site's own")
	errOutputGit = msg.New("output.git",
		"输出文件夹 %s 是或位于 git 仓库的 .git 文件夹中：替换它会毁掉仓库；什么也没有改动。请用 -out 指定网站专用的文件夹，例如 public",
		"the output folder %s is or lies inside a repository's .git folder: replacing it would destroy the repository; nothing was changed. Give -out a folder of the site's own, such as public")
	errNotFolder = msg.New("output.not-folder",
		"%s 已存在，但不是文件夹；什么也没有改动。请移走它，或指定另一个输出文件夹",
		"%s exists and is not a folder; nothing was changed. Move it away, or choose another output folder")
	errNotOurs = msg.New("output.not-ours",
		"%s 不是空文件夹，也不是 qingdan 生成的网站（其中有 %s）：qingdan 只替换自己生成的文件夹，什么也没有改动。请指定一个新的或空的文件夹，例如 public；如果它是旧版 qingdan 生成的网站，删除或改名后再生成",
		"%s is neither empty nor a site qingdan wrote (it holds %s): qingdan only replaces folders it made, and nothing was changed. Choose a new or empty folder such as public; if it is a site an older qingdan wrote, delete or rename it and build again")
	errAddedTo = msg.New("output.added-to",
		"%s 是 qingdan 生成的网站，但有 %d 个文件或文件夹不是 qingdan 写的（%s）：生成网站会把它们移走，所以什么也没有改动。请把它们移到网站文件夹之外",
		"%s is a site qingdan wrote, but %d files or folders in it were not written by qingdan (%s): a build would move them away, so nothing was changed. Move them out of the site folder")
)
