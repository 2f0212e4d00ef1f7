package construct

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/spec"
)

// AddTrigger attaches fn to trigger t (a Cognito trigger or a custom sender) after
// the construct was made: it writes the pool's LambdaConfig entry and a
// lambda:InvokeFunction permission for cognito-idp.amazonaws.com limited to this
// pool, and with the custom challenge triggers allows CUSTOM_AUTH on the web
// client. It refuses an unknown trigger or one already set. Rules that span
// several settings (the custom challenge trio, the sender key, the feature plan)
// run when the app synthesizes, through the construct's validation, so triggers
// can be attached in any order and `cdk synth` reports every problem at once.
func (a *Auth) AddTrigger(t config.Trigger, fn awslambda.IFunction) error {
	switch {
	case !t.Known():
		return fmt.Errorf("defineauth: AddTrigger: unknown trigger %q", t)
	case fn == nil:
		return fmt.Errorf("defineauth: AddTrigger(%s): the function is nil", t)
	case a.Config.HasTrigger(t):
		return fmt.Errorf("defineauth: AddTrigger(%s): the trigger is already set", t)
	}
	a.Config.Attach(t, *fn.Node().Path())
	a.functions[t] = fn
	a.attachedLater = true
	a.refreshTriggers()
	return nil
}

// SetSenderKey gives the custom senders their KMS key after the construct was made
// (see AuthProps.SenderKey). It refuses a nil key or a second key.
func (a *Auth) SetSenderKey(key awskms.IKey) error {
	switch {
	case key == nil:
		return fmt.Errorf("defineauth: SetSenderKey: the key is nil")
	case a.Config.HasSenderKey():
		return fmt.Errorf("defineauth: SetSenderKey: the senders already have a key")
	}
	a.Config.AttachSenderKey(*key.Node().Path())
	a.attachedLater = true
	a.senderKey = key
	a.refreshTriggers()
	return nil
}

// refreshTriggers maps the config again and copies what triggers change: the pool's
// LambdaConfig, the web client's flows, the invoke permissions, the key grants.
func (a *Auth) refreshTriggers() {
	a.Spec = spec.ForAuth(&a.Config, a.Spec.Path)
	a.CfnWebClient.SetExplicitAuthFlows(jsii.Strings(a.Spec.WebClient.ExplicitAuthFlows...))
	a.CfnUserPool.SetLambdaConfig(a.lambdaConfig())
	a.addPermissions()
}

// functionArn is the ARN of the function or key behind f.
func (a *Auth) functionArn(t config.Trigger, f spec.Function) *string {
	if f.ARN != "" {
		return jsii.String(f.ARN)
	}
	return a.functions[t].FunctionArn()
}

// lambdaConfigSetters set each LambdaConfig entry the spec names on the L1 (the
// plain ARNs, and the entries that are {LambdaArn, LambdaVersion} objects); the spec
// decides which entries and values, this table only knows the L1's field names.
var lambdaConfigSetters = map[string]func(lc *awscognito.CfnUserPool_LambdaConfigProperty, arn, version *string){
	"PreSignUp":           func(lc *awscognito.CfnUserPool_LambdaConfigProperty, arn, _ *string) { lc.PreSignUp = arn },
	"PostConfirmation":    func(lc *awscognito.CfnUserPool_LambdaConfigProperty, arn, _ *string) { lc.PostConfirmation = arn },
	"PreAuthentication":   func(lc *awscognito.CfnUserPool_LambdaConfigProperty, arn, _ *string) { lc.PreAuthentication = arn },
	"PostAuthentication":  func(lc *awscognito.CfnUserPool_LambdaConfigProperty, arn, _ *string) { lc.PostAuthentication = arn },
	"CustomMessage":       func(lc *awscognito.CfnUserPool_LambdaConfigProperty, arn, _ *string) { lc.CustomMessage = arn },
	"UserMigration":       func(lc *awscognito.CfnUserPool_LambdaConfigProperty, arn, _ *string) { lc.UserMigration = arn },
	"DefineAuthChallenge": func(lc *awscognito.CfnUserPool_LambdaConfigProperty, arn, _ *string) { lc.DefineAuthChallenge = arn },
	"CreateAuthChallenge": func(lc *awscognito.CfnUserPool_LambdaConfigProperty, arn, _ *string) { lc.CreateAuthChallenge = arn },
	"VerifyAuthChallengeResponse": func(lc *awscognito.CfnUserPool_LambdaConfigProperty, arn, _ *string) {
		lc.VerifyAuthChallengeResponse = arn
	},
	"PreTokenGenerationConfig": func(lc *awscognito.CfnUserPool_LambdaConfigProperty, arn, v *string) {
		lc.PreTokenGenerationConfig = &awscognito.CfnUserPool_PreTokenGenerationConfigProperty{LambdaArn: arn, LambdaVersion: v}
	},
	"CustomEmailSender": func(lc *awscognito.CfnUserPool_LambdaConfigProperty, arn, v *string) {
		lc.CustomEmailSender = &awscognito.CfnUserPool_CustomEmailSenderProperty{LambdaArn: arn, LambdaVersion: v}
	},
	"CustomSMSSender": func(lc *awscognito.CfnUserPool_LambdaConfigProperty, arn, v *string) {
		lc.CustomSmsSender = &awscognito.CfnUserPool_CustomSMSSenderProperty{LambdaArn: arn, LambdaVersion: v}
	},
	"InboundFederation": func(lc *awscognito.CfnUserPool_LambdaConfigProperty, arn, v *string) {
		lc.InboundFederation = &awscognito.CfnUserPool_InboundFederationProperty{LambdaArn: arn, LambdaVersion: v}
	},
}

// lambdaConfig copies the spec's triggers into LambdaConfig; nil without any.
func (a *Auth) lambdaConfig() *awscognito.CfnUserPool_LambdaConfigProperty {
	s := &a.Spec
	if len(s.Triggers) == 0 && !s.SenderKey.IsSet() {
		return nil
	}
	lc := &awscognito.CfnUserPool_LambdaConfigProperty{}
	for _, t := range s.Triggers {
		lambdaConfigSetters[t.Key](lc, a.functionArn(t.Trigger, t.Function), jsii.String(t.Version))
	}
	switch k := s.SenderKey; {
	case k.ARN != "":
		lc.KmsKeyId = jsii.String(k.ARN)
	case a.senderKey != nil:
		lc.KmsKeyId = a.senderKey.KeyArn()
	}
	return lc
}

// addPermissions adds the invoke permission of every trigger that has none yet and,
// for Go objects, what the custom senders need from their key: Cognito may encrypt
// with it (key policy, limited to this account), the sender functions may decrypt.
func (a *Auth) addPermissions() {
	for _, t := range a.Spec.Triggers {
		if a.Permissions[t.Trigger] != nil {
			continue
		}
		a.Permissions[t.Trigger] = awslambda.NewCfnPermission(a.Construct, jsii.String(t.PermissionID), &awslambda.CfnPermissionProps{
			Action:       jsii.String("lambda:InvokeFunction"),
			FunctionName: a.functionArn(t.Trigger, t.Function),
			Principal:    jsii.String(spec.CognitoPrincipal),
			SourceArn:    a.CfnUserPool.AttrArn(),
		})
	}
	if a.senderKey == nil {
		return
	}
	if !a.keyPolicy {
		a.keyPolicy = true
		a.senderKey.AddToResourcePolicy(awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
			Sid:        jsii.String("CognitoEncryptsSenderCodes"),
			Principals: &[]awsiam.IPrincipal{awsiam.NewServicePrincipal(jsii.String(spec.CognitoPrincipal), nil)},
			Actions:    jsii.Strings("kms:CreateGrant", "kms:Encrypt"),
			Resources:  jsii.Strings("*"),
			Conditions: &map[string]interface{}{"StringEquals": map[string]interface{}{"aws:SourceAccount": awscdk.Aws_ACCOUNT_ID()}},
		}), jsii.Bool(true))
	}
	for _, t := range []config.Trigger{config.CustomEmailSender, config.CustomSMSSender} {
		if fn := a.functions[t]; fn != nil && !a.decrypts[t] {
			a.decrypts[t] = true
			a.senderKey.GrantDecrypt(fn)
		}
	}
}
