// BudgetLens web pages (docs/web.md): flash the cell a finding link points at; upload with a progress bar.
(function () {
  "use strict";
  function flash(id) {
    var target = document.getElementById(id);
    if (!target) return;
    target.classList.remove("flash");
    void target.offsetWidth;
    target.classList.add("flash");
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[href^='#cell-'], a[href^='#stmt-']") : null;
    if (link) setTimeout(function () { flash(link.getAttribute("href").slice(1)); }, 30);
  });
  if (location.hash.length > 1) flash(decodeURIComponent(location.hash.slice(1)));

  var form = document.getElementById("upload-form");
  if (!form) return;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var input = document.getElementById("upload-file");
    var bar = document.getElementById("upload-progress");
    var result = document.getElementById("upload-result");
    if (!input.files.length) return;
    var file = input.files[0];
    var request = new XMLHttpRequest();
    request.open("POST", "/api/documents?file=" + encodeURIComponent(file.name));
    request.setRequestHeader("X-CSRF-Token", form.getAttribute("data-csrf"));
    request.setRequestHeader("Content-Type", "application/octet-stream");
    bar.hidden = false;
    bar.value = 0;
    result.textContent = "上传中…";
    request.upload.onprogress = function (e) { if (e.lengthComputable) bar.value = Math.round(e.loaded * 100 / e.total); };
    request.onload = function () {
      var answer = null;
      try { answer = JSON.parse(request.responseText); } catch (e) { answer = null; }
      result.textContent = "";
      if (request.status >= 200 && request.status < 300 && answer && answer.id !== undefined) {
        bar.value = 100;
        var link = document.createElement("a");
        link.href = "/documents/" + encodeURIComponent(answer.id);
        link.textContent = "已上传：文档 #" + answer.id + "（查看）";
        result.appendChild(link);
      } else {
        var error = answer && answer.error ? answer.error : {};
        result.className = "alert";
        result.textContent = "上传失败（" + request.status + "）：" + (error.message_zh || error.message || "未知错误");
      }
    };
    request.onerror = function () { result.className = "alert"; result.textContent = "上传失败：网络错误"; };
    request.send(file);
  });
})();
