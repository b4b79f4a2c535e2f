"""Korean: every error a student can cause, by its core.problems code."""
STRINGS = {
    "error.tensors.empty": "값을 입력하세요. 예: [[1, 2], [3, 4]].",
    "error.tensors.too_long": "글자가 너무 많습니다: {chars:,}자이고, 최대 {most:,}자입니다. 읽지 않았으므로 여기에 "
                              "보여 주지도 않습니다. 숫자를 더 적게(최대 {elements:,}개) 붙여 넣으세요.",
    "error.tensors.malformed": "값의 형식이 잘못되었습니다({detail}). [[1, 2], [3, 4]]처럼 괄호와 쉼표를 확인하세요.",
    "error.tensors.not_a_number": "숫자가 아닙니다: {text}. 숫자, 쉼표, [대괄호]만 쓰세요.",
    "error.tensors.sign_before_list": "부호(+ 또는 -)는 숫자 앞에만 올 수 있습니다.",
    "error.tensors.too_nested": "괄호가 너무 깊습니다: 최대 {most}단계까지입니다.",
    "error.tensors.ragged": "행의 길이가 다릅니다: {where}의 모양은 {shape}인데 {first}의 모양은 {first_shape}입니다. "
                            "모든 행의 길이가 같아야 합니다.",
    "error.tensors.too_many_elements": "원소가 너무 많습니다: {n:,}개이고, 최대 {most:,}개입니다.",
    "error.tensors.not_finite": "담을 수 없을 만큼 큰 수가 있습니다: {value}(무한대)로 읽힙니다. 유한한 수를 쓰세요.",
    "error.tensors.does_not_fit": "{value}은(는) {dtype}에 들어가지 않습니다. {dtype}은(는) {lo}부터 {hi}까지의 수를 "
                                  "담습니다. 다른 dtype(가장 넓은 것은 float64)을 고르거나 더 작은 수를 쓰세요.",
    "error.tensors.bad_shape": "모양은 2, 3처럼 쉼표로 나눈 0 이상의 정수입니다.",
    "error.tensors.too_many_dims": "차원이 너무 많습니다: {n}개이고, 최대 {most}개입니다.",
    "error.tensors.size_too_big": "크기 {size:,}은(는) 너무 큽니다: 각 크기는 최대 {most:,}입니다.",
    "error.tensors.randn_needs_float": "randn은 실수를 뽑는데, {dtype}은(는) 실수를 담지 못합니다. "
                                       "float dtype(float32)을 고르세요.",
    "error.tensors.step_zero": "arange의 step은 0이 아니어야 합니다.",
    "error.tensors.step_direction": "arange는 start {start}에서 end {end} 쪽으로 셉니다. 그래서 step도 그쪽을 향해야 "
                                    "하는데, {step}은(는) 반대쪽입니다. step의 부호를 바꾸세요.",
    "error.tensors.range_too_long": "그 범위에는 수가 {n}개 있습니다. 최대 {most:,}개입니다. step을 키우거나 범위를 "
                                    "줄이세요.",
    "error.tensors.steps_negative": "linspace의 steps는 0 이상이어야 합니다.",
    "error.tensors.unknown_constructor": "알 수 없는 생성 함수입니다: {name}.",
    "error.tensors.unknown_op": "알 수 없는 연산입니다: {op}.",
    "error.tensors.bad_new_shape": "새 모양은 2, -1처럼 쉼표로 나눈 정수이며 최대 {most}개입니다. -1은 '나머지 "
                                   "전부'라는 뜻입니다.",
    "error.tensors.broadcast_clash": "A(모양 {a_shape})와 B(모양 {b_shape})는 합칠 수 없습니다: 차원 {dim}(오른쪽부터 세는 "
                                     "표에서는 {right}행)에서 A의 크기는 {a}, B의 크기는 {b}입니다. 브로드캐스팅은 모양을 오른쪽부터 맞추며, "
                                     "짝지은 두 크기가 같거나 둘 중 하나가 1이어야 합니다. PyTorch의 메시지: {message}",
    "error.tensors.matmul_clash": "A @ B는 A의 마지막 크기와 B의 첫 크기(행렬이면 끝에서 두 번째 크기)가 같아야 "
                                  "합니다: A의 모양은 {a_shape}, B의 모양은 {b_shape}입니다. PyTorch의 메시지: {message}",
    "error.tensors.result_too_big": "결과의 모양은 {shape}, 수는 {n:,}개가 됩니다. 이 페이지가 계산하는 최대 {most:,}개를 "
                                    "넘습니다. 더 작은 텐서를 쓰세요.",
    "error.tensors.mean_needs_float": "평균은 보통 정수가 아닌데 A는 {dtype}입니다. 위에서 float dtype(float32)을 "
                                      "고르세요. PyTorch의 메시지: {message}",
    "error.tensors.torch": "PyTorch의 메시지: {message}",
    "error.data.points": "점의 개수는 2에서 {most:,} 사이여야 합니다. {n:,}개는 쓸 수 없습니다.",
    "error.data.slope": "기울기는 {lo}에서 {hi} 사이여야 합니다. {value} 값은 쓸 수 없습니다.",
    "error.data.intercept": "절편은 {lo}에서 {hi} 사이여야 합니다. {value} 값은 쓸 수 없습니다.",
    "error.data.noise": "잡음은 {lo}에서 {hi} 사이여야 합니다. {value} 값은 쓸 수 없습니다.",
    "error.data.no_closed_form": "이 데이터에는 최소제곱의 닫힌 해가 없습니다. 값이 모두 유한한 숫자는 아닙니다.",
    "error.csv.too_big": "파일이 {mb} MB입니다. {most} MB까지 올릴 수 있습니다.",
    "error.csv.not_text": "텍스트(UTF-8) 파일이 아닙니다. 숫자 두 열로 된 .csv를 올리세요.",
    "error.csv.empty": "파일이 비어 있습니다. x,y 다음에 1,2처럼 숫자 두 열이 있어야 합니다.",
    "error.csv.line_too_long": "{row}번째 행이 {most}자보다 깁니다. 한 행에는 숫자 두 개만 있으면 됩니다.",
    "error.csv.unreadable": "파일을 CSV로 읽을 수 없습니다 ({detail}).",
    "error.csv.too_many_rows": "파일에 행이 {rows:,}개 있습니다. {most:,}개까지 쓸 수 있습니다.",
    "error.csv.columns": "{row}번째 행에 열이 {n}개 있습니다. 모든 행에 정확히 두 열(x와 y)이 있어야 합니다.",
    "error.csv.not_numbers": "{row}번째 행이 숫자 두 개가 아닙니다: {text}",
    "error.csv.not_finite": "{row}번째 행에 유한하지 않은 값(nan 또는 inf)이 있습니다.",
    "error.csv.too_large": "{row}번째 행에 float32가 담을 수 있는 가장 큰 수 {most}보다 큰 수가 있습니다. "
                           "열의 단위를 바꾸세요(예: 1 대신 1000 단위로).",
    "error.csv.too_few_rows": "직선을 그리려면 숫자로 된 행이 두 개 이상 필요합니다.",
    "error.image.too_big": "그림이 {mb} MB입니다. 최대 {most} MB까지 됩니다.",
    "error.image.not_a_picture": "PyTorch가 읽을 수 있는 그림 파일이 아닙니다. 숫자 하나가 담긴 PNG나 JPG를 올려 주세요.",
    "error.image.wrong_format": "{kind} 형식의 그림입니다. PNG나 JPG를 올려 주세요.",
    "error.image.too_many_megapixels": "그림이 {width}x{height} 픽셀({mp}메가픽셀)입니다. 최대 {most}메가픽셀까지 됩니다.",
    "error.image.too_many_pixels": "그림이 {width}x{height} 픽셀입니다. 한 변은 최대 {most} 픽셀까지 됩니다.",
    "error.image.damaged": "그림을 끝까지 읽지 못했습니다. 파일이 손상되었을 수 있습니다. 자세한 내용: {detail}",
    "error.image.blank": "숫자를 찾지 못했습니다. 그림이 비어 있는 것 같습니다.",
    "error.image.canvas_type": "그린 그림이 그림 데이터가 아닌 {kind}(으)로 돌아왔습니다. 다시 그리거나 페이지를 "
                               "새로 고쳐 주세요.",
    "error.image.canvas_shape": "그린 그림의 모양이 높이 × 너비 × 4(RGBA)가 아닌 {shape}입니다. 다시 그리거나 "
                                "페이지를 새로 고쳐 주세요.",
    "error.image.canvas_dtype": "그린 그림의 값이 0~255 바이트(uint8)가 아닌 {dtype}입니다. 다시 그리거나 페이지를 "
                                "새로 고쳐 주세요.",
    "error.points.kind": "'{kind}'은(는) 데이터 세트가 아닙니다. 데이터 세트는 {kinds}입니다.",
    "error.points.count": "점 {n}개는 만들 수 없습니다. 2개부터 {most:,}개까지 됩니다.",
    "error.points.classes": "{kind}은(는) 클래스를 2개부터 {most}개까지 받습니다. {classes}은(는) 안 됩니다.",
    "error.points.noise": "노이즈는 0부터 0.5(50%)까지여야 합니다. {noise}은(는) 안 됩니다.",
    "error.points.no_features": "입력을 하나 이상 고르세요. 신경망이 볼 것이 있어야 합니다.",
    "error.points.feature": "'{name}'은(는) 입력이 아닙니다. 입력은 x1, x2, x1sq, x2sq, x1x2, sin_x1, sin_x2입니다.",
    "error.points.marks": "{name}='{raw}'은(는) 은닉층 목록이 아닙니다. 1부터 {most}까지의 층 번호를 쉼표로 이어 쓰세요(예: 1,2).",
    "error.points.batch_of_one": "배치 정규화는 점 하나짜리 배치로는 배울 수 없습니다. 학습용 점 {n}개를 {batch}개씩 나누면 에포크마다 마지막에 점 하나가 남습니다. 배치 크기나 학습 비율을 바꾸세요.",
    "error.points.dropout": "dropout={raw}은(는) 비율이 아닙니다. 0부터 0.5까지입니다.",
    "error.points.layers": "layers='{raw}'은(는) 신경망 모양이 아닙니다. 1부터 {width}까지의 너비를 최대 {most}개 '-'로 이어 쓰거나(예: 4-4), 없으면 0을 쓰세요.",
    "error.points.own": "링크의 점(own=...)이 올바르지 않습니다. 평면 위 점 최대 {most:,}개를 x1,x2,레이블(0부터 4) 꼴로 ';'로 이어 써야 합니다.",
    "error.own.columns": "{row}행의 열이 {n}개입니다. 모든 행에 정확히 세 열(x1, x2, 레이블)이 있어야 합니다.",
    "error.own.not_numbers": "{row}행이 두 숫자(x1, x2)로 시작하지 않습니다: {text}",
    "error.own.label": "{row}행의 레이블이 {text}입니다. 숫자 레이블은 0부터 {most}까지의 정수여야 합니다.",
    "error.own.names": "{row}행에 여섯 번째 클래스 이름 '{text}'이(가) 나옵니다. 클래스는 최대 {most}개입니다.",
    "error.own.too_few": "학습하고 테스트하려면 파일에 점이 {most}개 이상 있어야 합니다.",
    "error.lesson.toml": "레슨 {file}, {line}행: 앱이 읽을 수 있는 TOML이 아닙니다({detail}).",
    "error.lesson.unknown": "레슨 {file}, {line}행: '{field}'은(는) 레슨의 항목이 아닙니다. 항목은 {fields}입니다.",
    "error.lesson.page": "레슨 {file}, {line}행: '{page}'은(는) 페이지가 아닙니다. 페이지는 {pages}입니다.",
    "error.lesson.field": "레슨 {file}, {line}행: '{field}'이(가) 없거나 레슨이 받는 값이 아닙니다.",
    "error.lesson.words": "레슨 {file}, {line}행: {what}에는 영어(en)와 한국어(ko) 글이 모두 있어야 합니다.",
    "error.lesson.check": "'{check}'은(는) 검사가 아닙니다. 검사는 측정값({measures}), 비교, 값으로 씁니다. 예: final_loss <= 4.5.",
    "error.lesson.check_in": "레슨 {file}, {line}행: '{check}'은(는) 검사가 아닙니다. 검사는 측정값({measures}), 비교, 값으로 씁니다. 예: final_loss <= 4.5.",
}
