// The passwords people choose most, in lower case: the head of the public lists (SecLists' most common passwords,
// the 2011 CSDN and 2014 12306 leaks' top lists), with the words they are built from. A password is refused when it,
// or its core without the digits and symbols around it, is one of these (see password-rule.ts).

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  // Digits and keyboard runs
  '123456', '1234567', '12345678', '123456789', '1234567890', '12345', '1234', '123123', '123321', '111111', '000000',
  '666666', '888888', '88888888', '11111111', '00000000', '112233', '121212', '123654', '654321', '987654321', '147258369',
  '159357', '147258', '1q2w3e', '1q2w3e4r', '1q2w3e4r5t', '1qaz2wsx', '1qaz@wsx', '1qaz!qaz', '2wsx3edc', 'zaq12wsx', 'zaq1@wsx',
  'qwerty', 'qwertyuiop', 'qwer1234', 'qwe123', 'qwe@123', 'qwer', 'qwe', 'asdf', 'asdfgh', 'asdfghjkl', 'asd123', 'zxcvbn',
  'zxcvbnm', 'zxc123', 'qazwsx', 'qazwsxedc', 'abc', 'abcd', 'abc123', 'abcd1234', 'abcdef', 'a123456', 'a12345678', 'aa123456',
  'aaaaaa', 'abcabc', 'q1w2e3r4', 'p@ssw0rd', 'passw0rd', '5201314', '1314520', '520520', '7758521', 'woaini', 'woaini1314',
  'woaini520', 'iloveyou', 'qq123456', 'qq', 'wang', 'zhang', 'li', 'liu', 'chen', 'yang', 'huang', 'zhao', 'wangwei', 'zhangwei',
  // Words
  'password', 'pass', 'passwd', 'passport', 'admin', 'administrator', 'root', 'system', 'sysadmin', 'manager', 'guest', 'test',
  'tester', 'testing', 'user', 'default', 'welcome', 'login', 'letmein', 'changeme', 'secret', 'master', 'access', 'super',
  'superman', 'batman', 'dragon', 'monkey', 'shadow', 'sunshine', 'princess', 'football', 'baseball', 'soccer', 'hockey',
  'michael', 'jordan', 'charlie', 'jennifer', 'hunter', 'killer', 'trustno1', 'freedom', 'whatever', 'starwars', 'computer',
  'internet', 'server', 'mypass', 'mypassword', 'hello', 'helloworld', 'love', 'lovely', 'angel', 'summer', 'winter', 'spring',
  'autumn', 'flower', 'china', 'beijing', 'shanghai', 'shanxi', 'changzhi', 'xiangyuan', 'tiaodu', 'demo', 'gov', 'zhengfu',
  'fagaiju', 'fgj', 'office', 'work', 'company', 'qwerty123', 'password1', 'password123', 'admin123', 'admin888', 'admin@123',
  'root123', 'test123', 'demo1234', 'abc@123', 'aa123123', 'a1b2c3', 'a1b2c3d4', 'iloveu', 'fuckyou', 'baby', 'woaiwojia',
  'asdasd', 'zxczxc', 'qweqwe', 'wodemima', 'mima', 'mima123', 'kouling', 'huawei', 'xiaomi', 'apple', 'google', 'baidu',
  'tencent', 'alibaba', 'wechat', 'weixin', 'dingtalk', 'dingding',
]);
